#pragma once

#include "frame.h"
#include "secretmasker.h"

#include <QStringList>

// Hides secrets in frames shown while secrets are hidden or written to files that leave the machine (exported
// timelines): JWT-looking strings, the masker's known secrets, and the tokens that connect, refresh, subscribe
// and sub_refresh commands carry, also when they are not JWTs (an opaque token for a connect proxy).
namespace FrameMasker {

// The "token" fields of the frame's connect, refresh, subscribe and sub_refresh commands.
QStringList commandTokens(const Frame &frame);
// Adds commandTokens() to *masker (JWTs are left to its JWT rule). Returns true when a secret was added.
bool learnTokens(const Frame &frame, SecretMasker *masker);

// The frame with every secret masked: text frames through SecretMasker::mask (JSON stays valid JSON), binary
// (Protobuf) frames byte for byte with '*', so that they keep their length and still decode; every message's
// json, raw bytes and text as well. A frame with nothing to mask comes back unchanged (cheap: no copy).
Frame masked(const Frame &frame, const SecretMasker &masker);
// One message of a frame (binary: a Protobuf frame's message), the same way.
ProtocolMessage masked(const ProtocolMessage &message, bool binary, const SecretMasker &masker);

} // namespace FrameMasker
