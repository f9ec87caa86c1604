#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// Colours JSON as it is typed: keys, strings, numbers, literals, punctuation, and "<placeholders>" left from a
// command template. Works line by line (JSON strings cannot span lines). The colours come from ThemeColors for the
// palette of the editor showing the document, and follow it when the theme changes.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument *document);

    // Picks the colours for a palette and highlights again.
    void setPalette(const QPalette &palette);

    // Formats, exposed for tests.
    const QTextCharFormat &keyFormat() const { return m_key; }
    const QTextCharFormat &stringFormat() const { return m_string; }
    const QTextCharFormat &numberFormat() const { return m_number; }
    const QTextCharFormat &literalFormat() const { return m_literal; }
    const QTextCharFormat &placeholderFormat() const { return m_placeholder; }

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_placeholder;
};
