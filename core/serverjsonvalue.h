#pragma once

#include <QByteArray>

#include <vector>

// One JSON value as ServerJsonReader read it, close to the bytes: numbers keep their literal text (the server
// decides by the text whether "5.0" fits an integer field), strings are decoded to UTF-8, and objects keep every
// member in order, duplicates included (the server applies them one after the other).
struct ServerJsonValue
{
    enum class Type { Null, True, False, Number, String, Array, Object };

    Type type = Type::Null;
    QByteArray text;                    // Number: the literal as written; String: the decoded bytes
    qsizetype offset = 0;               // byte offset of the value's first byte in the line
    qsizetype end = 0;                  // byte offset just after the value
    bool children = true;               // false for containers nested too deep to keep (they were checked, not stored)
    std::vector<QByteArray> keys;       // Object: member names, decoded
    std::vector<qsizetype> keyOffsets;  // Object: byte offset of each name's opening quote
    std::vector<ServerJsonValue> items; // Object: member values (parallel to keys); Array: elements

    bool isNull() const { return type == Type::Null; }
    bool isObject() const { return type == Type::Object; }
    bool isString() const { return type == Type::String; }
};
