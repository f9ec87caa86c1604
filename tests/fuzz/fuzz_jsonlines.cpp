// The JSON Lines importer's line reader: each line through RecordLineParser::parse (a Frame) and
// RecordLineAppender::append (straight into a FrameStore, as the importer does); both must accept the same lines, and
// what was stored must read back.
#include "framestore.h"
#include "recordlineappender.h"
#include "recordlineparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    FrameStore store;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        Frame frame;
        QString error;
        const bool parsed = RecordLineParser::parse(line, &frame, &error);
        const int before = store.count();
        const bool appended = RecordLineAppender::append(line, &store, &error);
        if (parsed != appended || (appended && store.count() == before))
            std::abort();
    }
    for (int row = 0; row < store.count(); ++row) {
        (void)store.message(row).json();
        (void)store.frame(row);
    }
    return 0;
}
