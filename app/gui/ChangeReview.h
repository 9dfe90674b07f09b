#pragma once

#include "model/workspace/Workspace.h"
#include "views/review/ReviewDialog.h"

namespace egret::gui {

// Whether Save shows "Review changes" first (a setting; on unless the user turned it off).
bool reviewBeforeSave();
void setReviewBeforeSave(bool on);

// The problems of a workspace a person would see, each as "severity [code] object: message"
// (no file positions, which an edit shifts).
QStringList findingKeys(const Workspace &ws);

// What `after` adds to and removes from the findings of `before`, counted with repeats.
views::FindingsDelta findingsDelta(const QStringList &before, const QStringList &after);

// The file at `path` as it is on disk now, for a diff against what is about to be written.
views::FileChange fileChange(const QString &path, const QByteArray &after);

} // namespace egret::gui
