// A model source including a model header: compiles (the twin of model_includes_views.cpp).
#include "model/workspace/Workspace.h"
