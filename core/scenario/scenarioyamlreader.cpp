#include "scenarioyamlreader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <string>

namespace {

// Bounds against a file of aliases that expands to millions of nodes, or nesting deep enough to exhaust the stack.
constexpr int kMaxNodes = 100000;
constexpr int kMaxDepth = 100;

const std::string kStrTag = "tag:yaml.org,2002:str";
const std::string kIntTag = "tag:yaml.org,2002:int";
const std::string kFloatTag = "tag:yaml.org,2002:float";
const std::string kBoolTag = "tag:yaml.org,2002:bool";
const std::string kNullTag = "tag:yaml.org,2002:null";

ScenarioYamlReader::Position positionOf(const YAML::Mark &mark)
{
    if (mark.is_null())
        return {};
    return {mark.line + 1, mark.column + 1};
}

class Converter
{
public:
    explicit Converter(ScenarioYamlReader::Result *result)
        : m_result(result)
    {
    }

    bool convert(const YAML::Node &node, int step, int depth, bool topLevel, QJsonValue *out);

    QString error;
    ScenarioYamlReader::Position at;

private:
    bool fail(const YAML::Node &node, const QString &message)
    {
        error = message;
        at = positionOf(node.Mark());
        return false;
    }
    bool scalar(const YAML::Node &node, QJsonValue *out);

    ScenarioYamlReader::Result *m_result;
    int m_nodes = 0;
};

bool Converter::scalar(const YAML::Node &node, QJsonValue *out)
{
    const QString text = QString::fromStdString(node.Scalar());
    const std::string &tag = node.Tag();
    // "!" is a quoted (or block) scalar: always a string.
    if (tag == "!" || tag == kStrTag) {
        *out = text;
        return true;
    }
    if (tag != "?" && tag != kIntTag && tag != kFloatTag && tag != kBoolTag && tag != kNullTag)
        return fail(node, ScenarioYamlReader::tr("the tag %1 is not supported (a scenario holds what JSON holds)")
                              .arg(QString::fromStdString(tag)));
    static const QRegularExpression nullRe(QStringLiteral("^(|~|null|Null|NULL)$"));
    static const QRegularExpression trueRe(QStringLiteral("^(true|True|TRUE)$"));
    static const QRegularExpression falseRe(QStringLiteral("^(false|False|FALSE)$"));
    static const QRegularExpression intRe(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression octRe(QStringLiteral("^0o[0-7]+$"));
    static const QRegularExpression hexRe(QStringLiteral("^0x[0-9a-fA-F]+$"));
    static const QRegularExpression floatRe(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression specialRe(QStringLiteral("^([-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    if (nullRe.match(text).hasMatch() && tag != kIntTag && tag != kFloatTag && tag != kBoolTag) {
        *out = QJsonValue::Null;
        return true;
    }
    if (trueRe.match(text).hasMatch() || falseRe.match(text).hasMatch()) {
        *out = trueRe.match(text).hasMatch();
        return true;
    }
    bool ok = false;
    if (intRe.match(text).hasMatch()) {
        const qint64 v = text.toLongLong(&ok);
        *out = ok ? QJsonValue(v) : QJsonValue(text.toDouble());
        return true;
    }
    if (octRe.match(text).hasMatch() || hexRe.match(text).hasMatch()) {
        const qint64 v = text.mid(2).toLongLong(&ok, text.at(1) == QLatin1Char('o') ? 8 : 16);
        if (ok) {
            *out = v;
            return true;
        }
    }
    if (floatRe.match(text).hasMatch()) {
        *out = text.toDouble();
        return true;
    }
    if (specialRe.match(text).hasMatch())
        return fail(node, ScenarioYamlReader::tr("%1 has no JSON value: write a number or a string").arg(text));
    if (tag != "?")
        return fail(node, ScenarioYamlReader::tr("\"%1\" is not a %2").arg(text, QString::fromStdString(tag)));
    *out = text;
    return true;
}

bool Converter::convert(const YAML::Node &node, int step, int depth, bool topLevel, QJsonValue *out)
{
    if (++m_nodes > kMaxNodes)
        return fail(node, ScenarioYamlReader::tr("more than %1 values (aliases that expand too far?)").arg(kMaxNodes));
    if (depth > kMaxDepth)
        return fail(node, ScenarioYamlReader::tr("nested more than %1 levels deep").arg(kMaxDepth));
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        *out = QJsonValue::Null;
        return true;
    case YAML::NodeType::Scalar:
        return scalar(node, out);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &element : node) {
            QJsonValue v;
            if (!convert(element, step, depth + 1, false, &v))
                return false;
            array.append(v);
        }
        *out = array;
        return true;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        QSet<QString> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            // Copies: `it->` hands out a temporary, so a reference into it would dangle in the loop below.
            const YAML::Node keyNode = it->first;
            const YAML::Node valueNode = it->second;
            if (!keyNode.IsScalar())
                return fail(keyNode, ScenarioYamlReader::tr("a key must be a plain value, not a list or mapping"));
            const QString key = QString::fromStdString(keyNode.Scalar());
            if (seen.contains(key))
                return fail(keyNode, ScenarioYamlReader::tr("duplicate key \"%1\"").arg(key));
            seen.insert(key);
            m_result->keys.append({step, key, positionOf(keyNode.Mark())});
            QJsonValue v;
            if (topLevel && key == QLatin1String("steps") && valueNode.IsSequence()) {
                QJsonArray steps;
                int index = 0;
                for (const YAML::Node &element : valueNode) {
                    m_result->steps.append(positionOf(element.Mark()));
                    QJsonValue s;
                    if (!convert(element, index++, depth + 2, false, &s))
                        return false;
                    steps.append(s);
                }
                v = steps;
            } else if (!convert(valueNode, step, depth + 1, false, &v)) {
                return false;
            }
            object.insert(key, v);
        }
        *out = object;
        return true;
    }
    }
    return fail(node, ScenarioYamlReader::tr("unexpected YAML node"));
}

} // namespace

bool ScenarioYamlReader::read(const QByteArray &text, Result *result, QString *error, Position *at)
{
    *result = Result();
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        *error = tr("YAML syntax error: %1").arg(QString::fromStdString(e.msg));
        *at = positionOf(e.mark);
        return false;
    }
    Converter converter(result);
    try {
        if (!converter.convert(root, -1, 0, true, &result->value)) {
            *error = converter.error;
            *at = converter.at;
            return false;
        }
    } catch (const YAML::Exception &e) {
        *error = tr("YAML syntax error: %1").arg(QString::fromStdString(e.msg));
        *at = positionOf(e.mark);
        return false;
    }
    return true;
}
