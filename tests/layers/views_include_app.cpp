// A views source including an app header: must not compile (see CMakeLists.txt).
#include "app/gui/EditorSession.h"
