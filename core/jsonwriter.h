#pragma once

#include "utf8.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1String>
#include <QLocale>
#include <QString>

#include <cmath>
#include <cstring>

// Writes JSON text to a QByteArray through a raw cursor: a recording line or a converted message is dozens of
// small pieces, and QByteArray::append per piece would cost more than the pieces themselves. Used by the recording
// writer and the Protobuf-to-JSON-text conversion. Keys are written flat (one "first key" flag): callers that
// nest objects put their own commas.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray *out)
        : m_out(out)
        , m_base(out->size())
    {
        m_out->resize(m_out->size() + 256);
        m_begin = m_out->data();
        m_p = m_begin + m_base;
        m_end = m_begin + m_out->size();
    }

    // Gives the unused tail back. Must be called once at the end.
    void finish() { m_out->resize(offset()); }

    qsizetype offset() const { return m_p - m_begin; }
    void rewind(qsizetype offset) { m_p = m_begin + offset; }
    // Objects opened with openObject() are written one after another, not nested: one flag is enough.
    void openObject()
    {
        put('{');
        m_firstKey = true;
    }
    void closeObject()
    {
        put('}');
        m_firstKey = false;
    }

    void ensure(qsizetype n)
    {
        if (m_end - m_p >= n)
            return;
        const qsizetype used = offset();
        // Room the buffer already has comes first: doubling past a reserved capacity would reallocate (and, for a
        // recording batch, fault in fresh pages) although the batch fits.
        const qsizetype need = used + n + 256;
        const qsizetype capacity = m_out->capacity();
        m_out->resize(need <= capacity ? capacity : qMax(m_out->size() * 2, need));
        m_begin = m_out->data();
        m_p = m_begin + used;
        m_end = m_begin + m_out->size();
    }
    void put(char c)
    {
        ensure(1);
        *m_p++ = c;
    }
    void put(const char *s, qsizetype n)
    {
        if (n <= 0)
            return; // an empty view may carry a null pointer, which memcpy must not get
        ensure(n);
        std::memcpy(m_p, s, size_t(n));
        m_p += n;
    }
    void put(QByteArrayView v) { put(v.data(), v.size()); }
    // A separator and then v, with one check for room (keys of converted messages: `,"name":`).
    void put(char separator, QByteArrayView v)
    {
        ensure(v.size() + 1);
        *m_p++ = separator;
        if (!v.isEmpty()) {
            std::memcpy(m_p, v.data(), size_t(v.size()));
            m_p += v.size();
        }
    }
    void put(QLatin1String v) { put(v.data(), v.size()); }
    // Standard base64 with padding (as QByteArray::toBase64), written in place: binary frames are recorded so.
    void base64(QByteArrayView bytes)
    {
        static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        // The two characters of every 12 bits: two lookups per 3 bytes instead of four.
        struct Pairs
        {
            char c[4096][2];
        };
        static constexpr Pairs kPairs = [] {
            Pairs t{};
            for (int i = 0; i < 4096; ++i) {
                t.c[i][0] = kAlphabet[i >> 6];
                t.c[i][1] = kAlphabet[i & 63];
            }
            return t;
        }();
        const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
        const qsizetype n = bytes.size();
        ensure((n + 2) / 3 * 4);
        char *o = m_p; // a local cursor: stores through m_p could alias it, which would reload it for every byte
        qsizetype i = 0;
        for (; i + 3 <= n; i += 3) {
            const unsigned v = unsigned(p[i]) << 16 | unsigned(p[i + 1]) << 8 | p[i + 2];
            std::memcpy(o, kPairs.c[v >> 12], 2);
            std::memcpy(o + 2, kPairs.c[v & 0xFFF], 2);
            o += 4;
        }
        if (i < n) {
            const unsigned v = unsigned(p[i]) << 16 | (i + 1 < n ? unsigned(p[i + 1]) << 8 : 0u);
            o[0] = kAlphabet[v >> 18];
            o[1] = kAlphabet[(v >> 12) & 63];
            o[2] = i + 1 < n ? kAlphabet[(v >> 6) & 63] : '=';
            o[3] = '=';
            o += 4;
        }
        m_p = o;
    }
    template <qsizetype N> void lit(const char (&s)[N]) { put(s, N - 1); }
    void key(const char *k, qsizetype n)
    {
        ensure(n + 4);
        if (!m_firstKey)
            *m_p++ = ',';
        m_firstKey = false;
        *m_p++ = '"';
        std::memcpy(m_p, k, size_t(n));
        m_p += n;
        *m_p++ = '"';
        *m_p++ = ':';
    }
    template <qsizetype N> void key(const char (&k)[N]) { key(k, N - 1); }
    void number(qint64 v)
    {
        char buf[24];
        char *e = buf + sizeof buf;
        char *b = e;
        const bool negative = v < 0;
        quint64 u = negative ? quint64(0) - quint64(v) : quint64(v);
        do {
            *--b = char('0' + u % 10);
            u /= 10;
        } while (u);
        if (negative)
            *--b = '-';
        put(b, e - b);
    }
    void real(double v)
    {
        if (!std::isfinite(v)) {
            lit("null");
            return;
        }
        // Shortest form that reads back as the same double.
        put(QByteArray::number(v, 'g', QLocale::FloatingPointShortest));
    }

    // Converters that write JSON from bytes of another format (Protobuf) clear this when the text they wrote does
    // not give those bytes back exactly (ProtobufCodec::serverMessageFromJsonText): a recording then keeps the
    // bytes too. Only converters clear it; whoever reads it sets it first.
    void setReversible(bool reversible) { m_reversible = reversible; }
    bool reversible() const { return m_reversible; }

    // s as a JSON string. Returns false, writing nothing, if s is not valid UTF-8 (see Utf8::writeJsonString),
    // so that the caller can fall back to base64.
    bool string(QByteArrayView s)
    {
        ensure(6 * s.size() + 2);
        char *e = Utf8::writeJsonString(s.data(), s.size(), m_p);
        if (!e)
            return false;
        m_p = e;
        return true;
    }
    void string(const QString &s)
    {
        // A QString always converts to valid UTF-8.
        string(QByteArrayView(s.toUtf8()));
    }

private:
    QByteArray *m_out;
    qsizetype m_base;
    char *m_begin = nullptr; // m_out's data, kept: data() would check for a detach on every call
    char *m_p = nullptr;
    char *m_end = nullptr;
    bool m_firstKey = true;
    bool m_reversible = true;
};
