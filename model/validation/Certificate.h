#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace egret::validation {

// The validity period of an X.509 certificate.
struct CertificateValidity {
    QDateTime notBefore;
    QDateTime notAfter;

    bool contains(const QDateTime &t) const { return notBefore <= t && t <= notAfter; }
};

// Reads the first PEM block of `pem` (whatever its label, as Go's pem.Decode does) and parses it
// as a DER X.509 certificate, strictly: definite minimal lengths, every element of the
// certificate's outer structure present and of the right type, nothing left over. Only the
// validity period is kept. On failure returns false and says why in `error`.
bool readPemCertificate(const QByteArray &pem, CertificateValidity *out, QString *error = nullptr);
bool readDerCertificate(const QByteArray &der, CertificateValidity *out, QString *error = nullptr);

} // namespace egret::validation
