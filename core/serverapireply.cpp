#include "serverapireply.h"

#include "explainer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString nodeNames(const QJsonArray &nodes)
{
    QStringList names;
    for (const QJsonValue &node : nodes)
        names << node.toObject().value(QLatin1String("name")).toString();
    return names.join(QLatin1String(", "));
}

} // namespace

ServerApiReply ServerApiReply::fromHttp(const QString &method, int httpStatus, const QByteArray &body,
                                        const QString &networkError)
{
    ServerApiReply r;
    r.method = method;
    r.httpStatus = httpStatus;
    r.body = body;
    // An API error in the body wins over the status: in transport error mode the server answers 400/404/500 with
    // {"error": ...}, and that says more than the status alone.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject object = doc.object();
    const QJsonObject error = object.value(QLatin1String("error")).toObject();
    if (httpStatus > 0 && !error.isEmpty()) {
        r.outcome = Outcome::ApiError;
        r.errorCode = error.value(QLatin1String("code")).toInt();
        r.errorMessage = error.value(QLatin1String("message")).toString();
        return r;
    }
    if (httpStatus == 0) {
        r.outcome = Outcome::Unreachable;
        r.errorMessage = networkError;
        return r;
    }
    switch (httpStatus) {
    case 200:
        break;
    case 401:
        r.outcome = Outcome::WrongKey;
        return r;
    case 404:
        r.outcome = Outcome::MethodNotAvailable;
        return r;
    case 400:
        r.outcome = Outcome::BadRequest;
        return r;
    default:
        r.outcome = Outcome::HttpError;
        return r;
    }
    if (!doc.isObject()) {
        r.outcome = Outcome::BadResponse;
        return r;
    }
    r.outcome = Outcome::Ok;
    if (object.contains(QLatin1String("replies"))) {
        r.result = object;
        const QJsonArray replies = object.value(QLatin1String("replies")).toArray();
        for (const QJsonValue &reply : replies) {
            if (reply.toObject().contains(QLatin1String("error")))
                ++r.batchErrors;
        }
    } else {
        r.result = object.value(QLatin1String("result")).toObject();
    }
    return r;
}

ServerApiReply ServerApiReply::timedOut(const QString &method, int timeoutMs)
{
    ServerApiReply r;
    r.method = method;
    r.outcome = Outcome::Timeout;
    r.elapsedMs = timeoutMs;
    return r;
}

QString ServerApiReply::shortStatus() const
{
    switch (outcome) {
    case Outcome::Ok:
        return batchErrors > 0 ? tr("ok, %n error(s)", nullptr, batchErrors) : tr("ok");
    case Outcome::ApiError:
        return tr("error %1").arg(errorCode);
    case Outcome::WrongKey:
    case Outcome::MethodNotAvailable:
    case Outcome::BadRequest:
    case Outcome::HttpError:
    case Outcome::BadResponse:
        return tr("HTTP %1").arg(httpStatus);
    case Outcome::Unreachable:
        return tr("unreachable");
    case Outcome::Timeout:
        return tr("timeout");
    }
    return QString();
}

QString ServerApiReply::sentence() const
{
    switch (outcome) {
    case Outcome::Ok:
        return describeResult();
    case Outcome::ApiError:
        return describeError(errorCode, errorMessage);
    case Outcome::WrongKey:
        return tr("The server refused the API key (HTTP 401): compare it with http_api.key in the server's "
                  "configuration (or CENTRIFUGO_HTTP_API_KEY).");
    case Outcome::MethodNotAvailable:
        return tr("The server has no API method \"%1\" at this address (HTTP 404): check the method name and the "
                  "URL (the server's base URL or its /api prefix), and that the server is Centrifugo v5 or newer.")
            .arg(method);
    case Outcome::BadRequest:
        return tr("The server could not decode the request (HTTP 400): the body must be a JSON object whose "
                  "fields have the types of the \"%1\" method.")
            .arg(method);
    case Outcome::HttpError:
        return tr("The server answered HTTP %1 instead of an API reply: is this the address of Centrifugo's API?")
            .arg(httpStatus);
    case Outcome::BadResponse:
        return tr("The server answered HTTP 200 but not with a JSON object: is this the address of Centrifugo's "
                  "API?");
    case Outcome::Unreachable:
        return tr("The server cannot be reached (%1): is it running, and are the host and port right?")
            .arg(errorMessage.isEmpty() ? tr("no answer") : errorMessage);
    case Outcome::Timeout:
        return tr("No answer within %1 ms: the server is overloaded, or something between it and us holds the "
                  "request.")
            .arg(elapsedMs);
    }
    return QString();
}

QString ServerApiReply::describeError(int code, const QString &message) const
{
    // The API shares its codes with the client protocol; the Explainer has the words for them.
    const CodeExplanation e = Explainer::error(code);
    const QString server = message.isEmpty() ? e.name : message;
    if (!e.known)
        return tr("The server refused \"%1\" with error %2 (%3).").arg(method).arg(code).arg(server);
    return tr("The server refused \"%1\" with error %2 (%3): %4").arg(method).arg(code).arg(server, e.meaning);
}

QString ServerApiReply::describeResult() const
{
    const QLatin1String offsetKey("offset");
    const QLatin1String epochKey("epoch");
    if (method == QLatin1String("publish")) {
        if (result.contains(offsetKey))
            return tr("Published; the channel's stream is now at offset %1, epoch \"%2\".")
                .arg(result.value(offsetKey).toVariant().toString(), result.value(epochKey).toString());
        return tr("Published (the channel keeps no history, so there is no stream position).");
    }
    if (method == QLatin1String("broadcast")) {
        const QJsonArray responses = result.value(QLatin1String("responses")).toArray();
        int failed = 0;
        for (const QJsonValue &response : responses) {
            if (response.toObject().contains(QLatin1String("error")))
                ++failed;
        }
        return tr("Broadcast to %n channel(s)", nullptr, int(responses.size())) +
               (failed > 0 ? tr("; %n of them failed.", nullptr, failed) : tr("."));
    }
    if (method == QLatin1String("presence")) {
        const QJsonObject presence = result.value(QLatin1String("presence")).toObject();
        return tr("%n client(s) subscribed now.", nullptr, int(presence.size()));
    }
    if (method == QLatin1String("presence_stats")) {
        return tr("%1 client(s) of %2 user(s) subscribed now.")
            .arg(result.value(QLatin1String("num_clients")).toInt())
            .arg(result.value(QLatin1String("num_users")).toInt());
    }
    if (method == QLatin1String("history")) {
        const int count = int(result.value(QLatin1String("publications")).toArray().size());
        return tr("%n publication(s) returned", nullptr, count) +
               tr("; the stream is at offset %1, epoch \"%2\".")
                   .arg(result.value(offsetKey).toVariant().toString(), result.value(epochKey).toString());
    }
    if (method == QLatin1String("channels")) {
        return tr("%n active channel(s) match.", nullptr,
                  int(result.value(QLatin1String("channels")).toObject().size()));
    }
    if (method == QLatin1String("info")) {
        const QJsonArray nodes = result.value(QLatin1String("nodes")).toArray();
        return tr("%n node(s) in the cluster: %1.", nullptr, int(nodes.size())).arg(nodeNames(nodes));
    }
    if (method == QLatin1String("batch")) {
        const int count = int(result.value(QLatin1String("replies")).toArray().size());
        if (batchErrors > 0)
            return tr("%n command(s) done, ", nullptr, count) + tr("%n of them refused.", nullptr, batchErrors);
        return tr("%n command(s) done, none refused.", nullptr, count);
    }
    if (method == QLatin1String("history_remove"))
        return tr("The channel's history is removed (its stream position is kept).");
    if (method == QLatin1String("disconnect"))
        return tr("Done: the matching connections are closed with the given code; they show it in their own "
                  "timelines.");
    if (method == QLatin1String("unsubscribe"))
        return tr("Done: the matching connections are unsubscribed; they get an unsubscribe push.");
    if (method == QLatin1String("subscribe"))
        return tr("Done: the matching connections are subscribed by the server; they get a subscribe push.");
    if (method == QLatin1String("refresh"))
        return tr("Done: the matching connections have a new expiration time.");
    return tr("Done.");
}
