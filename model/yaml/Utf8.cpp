#include "model/yaml/Utf8.h"

namespace egret::yaml {

qsizetype firstInvalidUtf8(const char *data, qsizetype size) {
    const auto *s = reinterpret_cast<const unsigned char *>(data);
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int n = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) {
            n = 1, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return i;
        }
        for (int k = 1; k <= n; ++k) {
            if (i + k >= size || (s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return -1;
}

void lineColumnAt(const char *data, qsizetype offset, int *line, int *column) {
    int l = 1;
    int c = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const unsigned char ch = static_cast<unsigned char>(data[i]);
        if (ch == '\n') {
            ++l;
            c = 1;
        } else if ((ch & 0xC0) != 0x80) {
            ++c; // count characters, not continuation bytes
        }
    }
    *line = l;
    *column = c;
}

} // namespace egret::yaml
