// A model source including a views header: must not compile (see CMakeLists.txt).
#include "views/graph/FlowScene.h"
