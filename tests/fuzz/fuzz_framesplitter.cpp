// The JSON frame splitter and the fast classifier: splitLines() must give views inside the frame that together
// hold every non-blank byte, and FastClassifier must agree with the full parser on every line it accepts (the
// agreement core/fastclassifier.h promises). A disagreement aborts, so libFuzzer reports it.
#include "fastclassifier.h"
#include "jsoncodec.h"
#include "jsonscanner.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    for (QByteArrayView line : JsonCodec::splitLines(frame)) {
        if (line.isEmpty() || line.data() < frame.constData() || line.data() + line.size() > frame.constEnd())
            std::abort();
        ProtocolMessage fast;
        if (FastClassifier::classifyServerLine(line, &fast, &frame)) {
            const ProtocolMessage full = JsonCodec::decodeServerLine(line);
            if (fast.kind != full.kind || fast.method != full.method || fast.push != full.push || fast.id != full.id ||
                fast.channel != full.channel || fast.code != full.code || fast.text != full.text ||
                fast.raw != full.raw)
                std::abort();
        }
        if (JsonScanner::isJsonObject(line) && !QJsonDocument::fromJson(line.toByteArray()).isObject())
            std::abort();
    }
    return 0;
}
