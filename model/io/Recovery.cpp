#include "model/io/Recovery.h"

#include "model/io/AtomicWrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace egret {

namespace {

const char *kManifest = "snapshot.json";

bool processAlive(qint64 pid) {
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

QJsonObject diskToJson(const DiskState &d) {
    return {{QStringLiteral("exists"), d.exists},
            {QStringLiteral("size"), double(d.size)},
            {QStringLiteral("modified"), d.modified.toString(Qt::ISODateWithMs)},
            {QStringLiteral("digest"), QString::fromLatin1(d.digest.toHex())}};
}

DiskState diskFromJson(const QJsonObject &o) {
    DiskState d;
    d.exists = o.value(QStringLiteral("exists")).toBool();
    d.size = qint64(o.value(QStringLiteral("size")).toDouble());
    d.modified =
        QDateTime::fromString(o.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs);
    d.digest = QByteArray::fromHex(o.value(QStringLiteral("digest")).toString().toLatin1());
    return d;
}

} // namespace

int RecoverySnapshot::modifiedFiles() const {
    return int(std::count_if(files.cbegin(), files.cend(),
                             [](const RecoveryFile &f) { return f.modified; }));
}

RecoveryStore::RecoveryStore(QString base, qint64 pid)
    : m_base(std::move(base))
    , m_pid(pid > 0 ? pid : QCoreApplication::applicationPid()) {
}

QString RecoveryStore::ownDirectory() const {
    return m_base + QStringLiteral("/session-%1").arg(m_pid);
}

bool RecoveryStore::hasUnsavedWork(const Workspace &ws) {
    for (int i = 0; i < ws.files().size(); ++i) {
        const SourceFile &f = ws.files()[i];
        if (f.modified && (f.disk.exists || !ws.fileBytes(i).isEmpty()))
            return true;
    }
    return false;
}

bool RecoveryStore::save(const Workspace &ws, QString *error) {
    if (!hasUnsavedWork(ws)) {
        discardOwn();
        return true;
    }
    const QString dir = ownDirectory();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(dir);
        return false;
    }
    QJsonArray files;
    for (int i = 0; i < ws.files().size(); ++i) {
        const SourceFile &f = ws.files()[i];
        QJsonObject entry{{QStringLiteral("path"), f.path},
                          {QStringLiteral("modified"), f.modified},
                          {QStringLiteral("disk"), diskToJson(f.disk)}};
        // Only modified files carry their bytes; the others are read from disk again.
        if (f.modified) {
            const QString blob = QStringLiteral("file-%1.yaml").arg(i);
            if (!writeFileAtomically(dir + QLatin1Char('/') + blob, ws.fileBytes(i), error))
                return false;
            entry.insert(QStringLiteral("bytes"), blob);
        }
        files.append(entry);
    }
    const QJsonObject manifest{
        {QStringLiteral("pid"), double(m_pid)},
        {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("defaultNamespace"), ws.parseOptions().defaultNamespace},
        {QStringLiteral("files"), files}};
    // The manifest goes last: a snapshot is complete once it exists.
    return writeFileAtomically(dir + QLatin1Char('/') + QLatin1String(kManifest),
                               QJsonDocument(manifest).toJson(QJsonDocument::Indented), error);
}

void RecoveryStore::discardOwn() {
    QDir(ownDirectory()).removeRecursively();
}

bool RecoveryStore::read(const QString &directory, RecoverySnapshot *out) {
    QFile f(directory + QLatin1Char('/') + QLatin1String(kManifest));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
    if (m.isEmpty())
        return false;
    RecoverySnapshot s;
    s.directory = directory;
    s.pid = qint64(m.value(QStringLiteral("pid")).toDouble());
    s.saved = QDateTime::fromString(m.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
    s.defaultNamespace =
        m.value(QStringLiteral("defaultNamespace")).toString(QStringLiteral("default"));
    for (const QJsonValue &v : m.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = v.toObject();
        RecoveryFile rf;
        rf.path = o.value(QStringLiteral("path")).toString();
        rf.modified = o.value(QStringLiteral("modified")).toBool();
        rf.disk = diskFromJson(o.value(QStringLiteral("disk")).toObject());
        const QString blob = o.value(QStringLiteral("bytes")).toString();
        if (!blob.isEmpty()) {
            QFile b(directory + QLatin1Char('/') + blob);
            if (!b.open(QIODevice::ReadOnly))
                return false; // a snapshot missing its bytes cannot give back the unsaved state
            rf.bytes = b.readAll();
        } else {
            QFile disk(rf.path);
            if (disk.open(QIODevice::ReadOnly))
                rf.bytes = disk.readAll();
        }
        s.files.append(rf);
    }
    *out = s;
    return true;
}

QVector<RecoverySnapshot> RecoveryStore::orphans() const {
    QVector<RecoverySnapshot> out;
    const QDir base(m_base);
    for (const QString &name : base.entryList({QStringLiteral("session-*")}, QDir::Dirs)) {
        RecoverySnapshot s;
        if (!read(base.filePath(name), &s) || s.pid == m_pid || processAlive(s.pid))
            continue;
        if (s.modifiedFiles() > 0)
            out.append(s);
    }
    std::sort(out.begin(), out.end(), [](const RecoverySnapshot &a, const RecoverySnapshot &b) {
        return a.saved > b.saved;
    });
    return out;
}

bool RecoveryStore::discard(const RecoverySnapshot &snapshot) {
    return QDir(snapshot.directory).removeRecursively();
}

Workspace RecoveryStore::restore(const RecoverySnapshot &snapshot, const LoadOptions &options) {
    LoadOptions o = options;
    o.parse.defaultNamespace = snapshot.defaultNamespace;
    QVector<QPair<QString, QByteArray>> buffers;
    for (const RecoveryFile &f : snapshot.files)
        buffers.append({f.path, f.bytes});
    Workspace ws = loadBuffers(buffers, o);
    for (int i = 0; i < snapshot.files.size(); ++i) {
        ws.setDiskState(i, snapshot.files[i].disk);
        if (snapshot.files[i].modified)
            ws.markModified(i);
    }
    return ws;
}

} // namespace egret
