#include "fossildelta.h"

namespace {

// The 64 digits of the format's numbers, lowest first.
constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~";

int digitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c == '_')
        return 36;
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 37;
    if (c == '~')
        return 63;
    return -1;
}

// Reads a number at *pos; false when there is no digit or it overflows.
bool readNumber(const QByteArray &d, qsizetype *pos, quint64 *value)
{
    *value = 0;
    const qsizetype start = *pos;
    while (*pos < d.size()) {
        const int v = digitValue(d.at(*pos));
        if (v < 0)
            break;
        if (*value > (~quint64(0) >> 6))
            return false;
        *value = (*value << 6) | quint64(v);
        ++*pos;
    }
    return *pos > start;
}

QByteArray number(quint64 v)
{
    QByteArray out;
    do {
        out.prepend(kDigits[v & 63]);
        v >>= 6;
    } while (v > 0);
    return out;
}

} // namespace

quint32 FossilDelta::checksum(const QByteArray &data)
{
    // Bytes summed in four lanes (big-endian words), then the lanes and the tail folded into one number.
    quint32 lane[4] = {0, 0, 0, 0};
    const auto *z = reinterpret_cast<const unsigned char *>(data.constData());
    qsizetype n = data.size();
    while (n >= 4) {
        for (int i = 0; i < 4; ++i)
            lane[i] += z[i];
        z += 4;
        n -= 4;
    }
    quint32 sum = lane[3] + (lane[2] << 8) + (lane[1] << 16) + (lane[0] << 24);
    if (n >= 3)
        sum += quint32(z[2]) << 8;
    if (n >= 2)
        sum += quint32(z[1]) << 16;
    if (n >= 1)
        sum += quint32(z[0]) << 24;
    return sum;
}

QByteArray FossilDelta::apply(const QByteArray &source, const QByteArray &delta, QString *error)
{
    const auto fail = [error](const QString &why) {
        *error = why;
        return QByteArray();
    };
    qsizetype pos = 0;
    quint64 limit = 0;
    if (!readNumber(delta, &pos, &limit) || pos >= delta.size() || delta.at(pos) != '\n')
        return fail(tr("the delta does not start with the target length"));
    ++pos;
    if (limit > quint64(64) * 1024 * 1024)
        return fail(tr("the delta announces %1 bytes, more than this inspector rebuilds").arg(limit));
    QByteArray out;
    out.reserve(qsizetype(limit));
    while (pos < delta.size()) {
        quint64 count = 0;
        if (!readNumber(delta, &pos, &count) || pos >= delta.size())
            return fail(tr("a command of the delta has no number at byte %1").arg(pos));
        const char op = delta.at(pos++);
        switch (op) {
        case '@': {
            quint64 offset = 0;
            if (!readNumber(delta, &pos, &offset) || pos >= delta.size() || delta.at(pos) != ',')
                return fail(tr("a copy command of the delta is malformed at byte %1").arg(pos));
            ++pos;
            if (quint64(out.size()) + count > limit)
                return fail(tr("the delta copies past its announced length of %1 bytes").arg(limit));
            if (offset > quint64(source.size()) || count > quint64(source.size()) - offset)
                return fail(tr("the delta copies bytes %1..%2 of a previous payload of %3 bytes: it was made "
                               "against another base")
                                .arg(offset)
                                .arg(offset + count)
                                .arg(source.size()));
            out.append(source.constData() + offset, qsizetype(count));
            break;
        }
        case ':':
            if (quint64(out.size()) + count > limit)
                return fail(tr("the delta inserts past its announced length of %1 bytes").arg(limit));
            if (count > quint64(delta.size() - pos))
                return fail(tr("an insert command of the delta runs past its end"));
            out.append(delta.constData() + pos, qsizetype(count));
            pos += qsizetype(count);
            break;
        case ';':
            if (quint32(count) != checksum(out) || count > 0xffffffffULL)
                return fail(tr("the checksum of the rebuilt payload does not match the delta's"));
            if (quint64(out.size()) != limit)
                return fail(tr("the rebuilt payload has %1 bytes, the delta announced %2").arg(out.size()).arg(limit));
            error->clear();
            return out;
        default:
            return fail(tr("unknown command '%1' in the delta at byte %2").arg(QLatin1Char(op)).arg(pos - 1));
        }
    }
    return fail(tr("the delta ends without its checksum"));
}

QByteArray FossilDelta::create(const QByteArray &source, const QByteArray &target)
{
    qsizetype prefix = 0;
    while (prefix < source.size() && prefix < target.size() && source.at(prefix) == target.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < source.size() - prefix && suffix < target.size() - prefix &&
           source.at(source.size() - 1 - suffix) == target.at(target.size() - 1 - suffix))
        ++suffix;
    QByteArray d = number(quint64(target.size())) + '\n';
    if (prefix > 0)
        d += number(quint64(prefix)) + '@' + number(0) + ',';
    const qsizetype middle = target.size() - prefix - suffix;
    if (middle > 0)
        d += number(quint64(middle)) + ':' + target.mid(prefix, middle);
    if (suffix > 0)
        d += number(quint64(suffix)) + '@' + number(quint64(source.size() - suffix)) + ',';
    return d + number(checksum(target)) + ';';
}
