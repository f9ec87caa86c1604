#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QMetaType>
#include <QString>

// One HTTP request of an emulation transport (the stream's opening request, or a command POSTed to the emulation
// endpoint) as the timeline shows and records it: a row of its own (Frame::Origin::HttpExchange) whose bytes are
// the small JSON object of toJson(). The path never holds secrets: the query (SSE's cf_connect with its token) is
// left out.
struct HttpExchange
{
    Q_DECLARE_TR_FUNCTIONS(HttpExchange)

public:
    enum class Request : quint8 {
        Connect,   // the opening request of the stream (its response carries the server's messages)
        Emulation, // a command POSTed to the emulation endpoint
    };

    Request request = Request::Emulation;
    QString method;            // "GET", "POST"
    QString path;              // the URL's path only
    int status = 0;            // HTTP status; 0: no response (network error)
    qint64 requestBytes = 0;   // body sent (for SSE's connect: the connect command carried in the URL)
    qint64 responseBytes = -1; // body received; -1 while a stream's response goes on
    double ms = 0;             // from the request to its status (a stream) or its end
    QString contentType;       // of the response
    QString error;             // the failure in words; empty when the server took the request

    bool failed() const { return status == 0 || !error.isEmpty(); }
    QByteArray toJson() const;
    // False when the bytes are not an exchange written by toJson().
    static bool fromJson(QByteArrayView json, HttpExchange *out);
    // One sentence for the timeline: what was sent, the answer, its size and time, the failure.
    QString words() const;
    // "HTTP exchange 204", "HTTP exchange failed" for the kind column.
    QString shortName() const;
};

Q_DECLARE_METATYPE(HttpExchange)
