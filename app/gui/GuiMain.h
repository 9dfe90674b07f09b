#pragma once

namespace egret::gui {

// Starts the desktop editor; returns the exit status. Says plainly when there is no display.
int run(int argc, char *argv[]);

} // namespace egret::gui
