#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace SharedBytes {

// A QByteArray holding `part`, a view into `whole`, that shares whole's buffer instead of copying it: a frame's
// messages are slices of the frame, so a flood of publications costs no allocation and no copy per message. The
// buffer lives as long as any array using it. As with QByteArray::fromRawData(), the bytes are not followed by a
// '\0'; writing to the slice detaches it (copies) while the buffer is shared. A part that is not inside whole's
// own buffer (or a whole without one, from fromRawData) is copied.
inline QByteArray slice(const QByteArray &whole, QByteArrayView part)
{
    if (part.data() == whole.constData() && part.size() == whole.size())
        return whole;
    // Qt 6.4 has no const d_ptr(); only the reference count changes, which is what sharing means.
    QTypedArrayData<char> *header = const_cast<QByteArray &>(whole).data_ptr().d_ptr();
    const char *begin = whole.constData();
    if (!header || part.isEmpty() || part.data() < begin || part.data() + part.size() > begin + whole.size())
        return part.toByteArray();
    header->ref();
    return QByteArray(QByteArray::DataPointer(header, const_cast<char *>(part.data()), part.size()));
}

} // namespace SharedBytes
