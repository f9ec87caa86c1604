#include "wirecodec.h"

#include "jsoncodec.h"
#ifdef INSPECTOR_HAVE_PROTOBUF
#include "protobufcodec.h"
#endif

std::unique_ptr<WireCodec> createWireCodec(Protocol::Format format)
{
    switch (format) {
    case Protocol::Format::Protobuf:
#ifdef INSPECTOR_HAVE_PROTOBUF
        return std::make_unique<ProtobufCodec>();
#else
        break; // built without core/protobuf-sources.cmake
#endif
    case Protocol::Format::Json:
        break;
    }
    return std::make_unique<JsonCodec>();
}
