#include "model/io/Saver.h"

#include "model/io/AtomicWrite.h"

namespace egret {

bool saveFile(Workspace &ws, int file, QString *error, const QString &asPath) {
    if (const QString refusal = writeRefusal(ws.files()[file]); !refusal.isEmpty()) {
        if (error)
            *error = refusal;
        return false;
    }
    const QString path = asPath.isEmpty() ? ws.files()[file].path : asPath;
    const QByteArray bytes = ws.fileBytes(file);
    if (!writeFileAtomically(path, bytes, error))
        return false;
    ws.markSaved(file, path, Workspace::readDiskState(path, &bytes));
    return true;
}

} // namespace egret
