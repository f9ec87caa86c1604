// The scenario file reader on any bytes, read once as JSON and once as YAML: a file it refuses has an error with a
// message, one it accepts has steps; neither may crash, hang or leak (yaml-cpp's aliases included).
#include "scenarioparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const char *name : {"fuzz.json", "fuzz.yaml"}) {
        Scenario scenario;
        ScenarioError error;
        if (!ScenarioParser::parse(bytes, QString::fromLatin1(name), &scenario, &error) && error.message.isEmpty())
            std::abort(); // a refused file always says why
        (void)error.toString();
    }
    return 0;
}
