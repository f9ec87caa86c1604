#pragma once

#include "protobufschema.h"

#include <QByteArray>
#include <QByteArrayView>

// The way back from ProtobufJsonText::append(wire, type, out): recordings leave out the bytes of a message whose
// text gives them back, and this rebuilds them. Thread-safe.
class ProtobufTextToWire
{
public:
    // For text that append(wire, type, out) wrote without clearing out's reversible flag (the wire bytes were in
    // libprotobuf's own form): appends those bytes to *out, the fields in number order, zero values left out, bytes
    // fields from their JSON text as it stands. False, appending nothing, for any other text.
    static bool convert(QByteArrayView json, const ProtobufSchema::Message &type, QByteArray *out);
};
