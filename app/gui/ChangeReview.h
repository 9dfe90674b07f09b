#pragma once

#include "model/analysis/FindingsDelta.h"
#include "views/review/ReviewDialog.h"

namespace egret::gui {

// Whether Save shows "Review changes" first (a setting; on unless the user turned it off).
bool reviewBeforeSave();
void setReviewBeforeSave(bool on);

// The file at `path` as it is on disk now, for a diff against what is about to be written.
views::FileChange fileChange(const QString &path, const QByteArray &after);

} // namespace egret::gui
