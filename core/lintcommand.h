#pragma once

#include "lintschema.h"
#include "serverjsonvalue.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

// One command line decoded the way the server decodes it into its Command struct (LintSchema): names matched
// case-insensitively, members applied in order (a later duplicate wins, objects merge), numbers checked against
// the field's Go integer type, unknown fields skipped. The first decoding error stops it, as it stops the server.
class LintCommand
{
    Q_DECLARE_TR_FUNCTIONS(LintCommand)

public:
    // A decoded struct: the fields that took effect.
    struct Object
    {
        QHash<QString, ServerJsonValue> values;          // scalar, raw and list fields
        QHash<QString, std::shared_ptr<Object>> objects; // nested structs that are set
        QHash<QString, qsizetype> offsets;               // byte offset of each field's (last) name

        bool has(const char *field) const { return values.contains(QLatin1String(field)); }
        QString string(const char *field) const; // decoded UTF-8; empty when absent
        const Object *object(const char *field) const;
    };

    // Something that does not stop decoding but that a user should know.
    struct Note
    {
        enum class Kind { UnknownField, FoldedName };
        Kind kind;
        QString path;     // "publish.chanel"
        QString field;    // FoldedName: the field it matched
        qsizetype offset; // of the name
    };

    bool ok = true;
    qsizetype errorOffset = 0;
    QString error; // translated, when !ok
    Object root;
    QList<Note> notes;

    static LintCommand decode(const ServerJsonValue &value);

    quint32 id() const;
    // Method fields that are set (not absent, not null), in LintSchema::handlerOrder().
    QStringList methods() const;
    const Object *body(const QString &method) const;

private:
    bool decodeStruct(const ServerJsonValue &value, const QString &structName, const QString &path, Object *out);
    bool decodeField(const ServerJsonValue &value, const LintSchema::Field &field, const QString &path, Object *out);
    bool fail(qsizetype offset, const QString &message);
};
