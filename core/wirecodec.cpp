#include "wirecodec.h"

#include "jsoncodec.h"

std::unique_ptr<WireCodec> createWireCodec(Protocol::Format format)
{
    Q_UNUSED(format);
    return std::make_unique<JsonCodec>();
}
