// A views source including headers of its own layer and of the model: compiles.
#include "model/workspace/Workspace.h"
#include "views/graph/FlowScene.h"
