#include "model/validation/Certificate.h"

namespace egret::validation {

namespace {

// One DER element: its tag and where its contents are.
struct Tlv {
    quint8 tag = 0;
    qsizetype contentStart = 0;
    qsizetype contentLength = 0;
    qsizetype end() const { return contentStart + contentLength; }
};

enum Tag : quint8 {
    Integer = 0x02,
    BitString = 0x03,
    UtcTime = 0x17,
    GeneralizedTime = 0x18,
    Sequence = 0x30,
    Version = 0xA0,         // [0] EXPLICIT
    IssuerUniqueId = 0x81,  // [1] IMPLICIT
    SubjectUniqueId = 0x82, // [2] IMPLICIT
    Extensions = 0xA3,      // [3] EXPLICIT
};

class DerReader {
public:
    DerReader(const QByteArray &data, qsizetype begin, qsizetype end)
        : m_data(data)
        , m_pos(begin)
        , m_end(end) {}

    bool atEnd() const { return m_pos == m_end; }
    bool peek(quint8 *tag) const {
        if (m_pos >= m_end)
            return false;
        *tag = quint8(m_data[m_pos]);
        return true;
    }

    // Reads the next element; false on any malformed or non-minimal encoding.
    bool next(Tlv *out, QString *why) {
        if (m_pos + 2 > m_end)
            return fail(why, QStringLiteral("truncated element"));
        out->tag = quint8(m_data[m_pos++]);
        if ((out->tag & 0x1F) == 0x1F)
            return fail(why, QStringLiteral("unsupported high tag number"));
        const quint8 first = quint8(m_data[m_pos++]);
        qsizetype length = 0;
        if (first < 0x80) {
            length = first;
        } else {
            const int bytes = first & 0x7F;
            if (bytes == 0)
                return fail(why, QStringLiteral("indefinite length is not DER"));
            if (bytes > 4 || m_pos + bytes > m_end)
                return fail(why, QStringLiteral("length out of range"));
            if (quint8(m_data[m_pos]) == 0)
                return fail(why, QStringLiteral("non-minimal length"));
            for (int i = 0; i < bytes; ++i)
                length = (length << 8) | quint8(m_data[m_pos++]);
            if (length < 0x80)
                return fail(why, QStringLiteral("non-minimal length"));
        }
        if (length > m_end - m_pos)
            return fail(why, QStringLiteral("element longer than its container"));
        out->contentStart = m_pos;
        out->contentLength = length;
        m_pos += length;
        return true;
    }

    bool expect(quint8 tag, Tlv *out, QString *why, const char *what) {
        if (!next(out, why))
            return false;
        if (out->tag != tag)
            return fail(why, QStringLiteral("expected %1").arg(QLatin1String(what)));
        return true;
    }

    static bool fail(QString *why, const QString &text) {
        if (why)
            *why = text;
        return false;
    }

private:
    const QByteArray &m_data;
    qsizetype m_pos;
    qsizetype m_end;
};

bool digits(const QByteArray &s, int from, int count, int *value) {
    int v = 0;
    for (int i = from; i < from + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return true;
}

// UTCTime YYMMDDHHMMSSZ (years 1950-2049) or GeneralizedTime YYYYMMDDHHMMSSZ, as RFC 5280 requires.
bool readTime(const QByteArray &data, const Tlv &t, QDateTime *out, QString *why) {
    const QByteArray s = data.mid(t.contentStart, t.contentLength);
    int year = 0, offset = 0;
    if (t.tag == UtcTime && s.size() == 13) {
        if (!digits(s, 0, 2, &year))
            return DerReader::fail(why, QStringLiteral("bad UTCTime"));
        year += year < 50 ? 2000 : 1900;
        offset = 2;
    } else if (t.tag == GeneralizedTime && s.size() == 15) {
        if (!digits(s, 0, 4, &year))
            return DerReader::fail(why, QStringLiteral("bad GeneralizedTime"));
        offset = 4;
    } else {
        return DerReader::fail(why, QStringLiteral("expected a UTC or generalized time"));
    }
    int month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, offset, 2, &month) || !digits(s, offset + 2, 2, &day) ||
        !digits(s, offset + 4, 2, &hour) || !digits(s, offset + 6, 2, &minute) ||
        !digits(s, offset + 8, 2, &second) || s.back() != 'Z')
        return DerReader::fail(why, QStringLiteral("bad time"));
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return DerReader::fail(why, QStringLiteral("time out of range"));
    *out = QDateTime(date, time, Qt::UTC);
    return true;
}

} // namespace

bool readDerCertificate(const QByteArray &der, CertificateValidity *out, QString *error) {
    QString why;
    auto fail = [&](const QString &text) {
        if (error)
            *error = text.isEmpty() ? why : text;
        return false;
    };
    DerReader top(der, 0, der.size());
    Tlv cert, tbs, item;
    if (!top.expect(Sequence, &cert, &why, "a certificate SEQUENCE") || !top.atEnd())
        return fail(why.isEmpty() ? QStringLiteral("data after the certificate") : why);

    DerReader c(der, cert.contentStart, cert.end());
    if (!c.expect(Sequence, &tbs, &why, "tbsCertificate"))
        return fail(why);
    Tlv sigAlg, sig;
    if (!c.expect(Sequence, &sigAlg, &why, "signatureAlgorithm") ||
        !c.expect(BitString, &sig, &why, "signatureValue") || !c.atEnd())
        return fail(why.isEmpty() ? QStringLiteral("data after the signature") : why);

    DerReader t(der, tbs.contentStart, tbs.end());
    quint8 tag = 0;
    if (t.peek(&tag) && tag == Version && !t.next(&item, &why))
        return fail(why);
    if (!t.expect(Integer, &item, &why, "serialNumber") ||
        !t.expect(Sequence, &item, &why, "signature algorithm") ||
        !t.expect(Sequence, &item, &why, "issuer"))
        return fail(why);
    Tlv validity;
    if (!t.expect(Sequence, &validity, &why, "validity"))
        return fail(why);
    DerReader v(der, validity.contentStart, validity.end());
    Tlv nb, na;
    if (!v.next(&nb, &why) || !v.next(&na, &why) || !v.atEnd())
        return fail(why.isEmpty() ? QStringLiteral("validity holds more than two times") : why);
    CertificateValidity result;
    if (!readTime(der, nb, &result.notBefore, &why) || !readTime(der, na, &result.notAfter, &why))
        return fail(why);
    if (!t.expect(Sequence, &item, &why, "subject") ||
        !t.expect(Sequence, &item, &why, "subjectPublicKeyInfo"))
        return fail(why);
    for (quint8 optional : {IssuerUniqueId, SubjectUniqueId, Extensions}) {
        if (t.peek(&tag) && tag == optional && !t.next(&item, &why))
            return fail(why);
    }
    if (!t.atEnd())
        return fail(QStringLiteral("unexpected data in tbsCertificate"));
    *out = result;
    return true;
}

bool readPemCertificate(const QByteArray &pem, CertificateValidity *out, QString *error) {
    const QByteArray begin = "-----BEGIN ";
    const qsizetype start = pem.indexOf(begin);
    if (start < 0) {
        if (error)
            *error = QStringLiteral("no PEM block");
        return false;
    }
    const qsizetype labelEnd = pem.indexOf("-----", start + begin.size());
    const qsizetype lineEnd = pem.indexOf('\n', start);
    if (labelEnd < 0 || (lineEnd >= 0 && labelEnd > lineEnd)) {
        if (error)
            *error = QStringLiteral("malformed PEM header");
        return false;
    }
    const QByteArray label = pem.mid(start + begin.size(), labelEnd - start - begin.size());
    const QByteArray footer = "-----END " + label + "-----";
    const qsizetype bodyStart = labelEnd + 5;
    const qsizetype stop = pem.indexOf(footer, bodyStart);
    if (stop < 0) {
        if (error)
            *error = QStringLiteral("PEM block without its END line");
        return false;
    }
    QByteArray body = pem.mid(bodyStart, stop - bodyStart);
    body = body.simplified().replace(' ', QByteArray());
    const auto decoded =
        QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        if (error)
            *error = QStringLiteral("PEM body is not base64");
        return false;
    }
    return readDerCertificate(*decoded, out, error);
}

} // namespace egret::validation
