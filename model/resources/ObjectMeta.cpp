#include "model/resources/ObjectMeta.h"

namespace egret {

bool selectorMatches(const Labels &selector, const Labels &labels) {
    for (auto it = selector.cbegin(); it != selector.cend(); ++it) {
        auto found = labels.constFind(it.key());
        if (found == labels.cend() || found.value() != it.value())
            return false;
    }
    return true;
}

QString selectorString(const Labels &selector) {
    QStringList parts;
    for (auto it = selector.cbegin(); it != selector.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    return parts.join(QLatin1Char(','));
}

} // namespace egret
