# The layers' include roots. Every include is written from the project root ("model/...",
# "views/...", "app/..."), but the project root itself is on no include path: a layer's root, in
# the build tree, holds a link to its own source folder only. Linking egret_model is what puts
# "model/..." in reach, so the model cannot include the views or the app, nor the views the app.
# tests/layers checks it.

# egret_layer_include_root(TARGET FOLDER): TARGET's public include root exposes FOLDER only.
function(egret_layer_include_root target folder)
    set(root "${PROJECT_BINARY_DIR}/layers/${folder}")
    file(MAKE_DIRECTORY "${root}")
    # Made again at each configure, so it follows the source tree if the build folder moves.
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/${folder}" "${root}/${folder}" SYMBOLIC)
    target_include_directories(${target} PUBLIC "${root}")
endfunction()
