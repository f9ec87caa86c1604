// A session's own timeline holds the server API calls made from its server panel, against a real Centrifugo:
// publish from the server to a channel the session is subscribed to, and the timeline shows the call, its reply
// and the publication push, in time order, the server rows marked as such; the combined timeline gets the same server
// rows from the same place.
#include "centrifugoserver.h"
#include "channelstate.h"
#include "combinedtimelinemodel.h"
#include "commandhistory.h"
#include "connectionpanel.h"
#include "serverapiclient.h"
#include "servercallframes.h"
#include "serverpanel.h"
#include "session.h"
#include "sessionview.h"
#include "subscriptiontracker.h"
#include "timelinemodel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestServerCallTimeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }
    void publishFromTheServerPanel();
    void failedCallIsARowToo();

private:
    static int rowOf(const TimelineModel *model, const QString &kindName, int from = 0)
    {
        for (int row = from; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(TimelineModel::KindNameRole).toString() == kindName)
                return row;
        }
        return -1;
    }

    static int combinedRowOf(const CombinedTimelineModel &model, const QString &kindName)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(CombinedTimelineModel::KindNameRole).toString() == kindName)
                return row;
        }
        return -1;
    }

    CentrifugoServer m_server;
};

void TestServerCallTimeline::publishFromTheServerPanel()
{
    Session session;
    CommandHistory history;
    SessionView view(&session, nullptr, &history);
    const QString channel = u"servercalls"_s;
    QSignalSpy connected(&session, &Session::connected);
    view.connectionPanel()->setUrl(m_server.webSocketUrl().toString());
    SubscribeOptions o;
    o.channel = channel;
    o.recoverable = true;
    o.positioned = true;
    view.subscribeWhenConnected({o});
    QVERIFY(view.connectionPanel()->connectToServer());
    QVERIFY2(connected.wait(10000), qPrintable(view.connectionPanel()->explanationText()));
    QTRY_COMPARE_WITH_TIMEOUT(view.tracker()->channel(channel).status, ChannelState::Status::Subscribed, 10000);

    // The combined timeline takes the session's frames and the same server call rows as the session's timeline,
    // as the window connects them.
    CombinedTimelineModel combined;
    const int source = combined.addSource(u"A"_s);
    const auto toCombined = [&combined, source](const Frame &frame) { combined.appendFrame(source, frame); };
    connect(&session, &Session::frame, &combined, toCombined);
    connect(view.serverCallFrames(), &ServerCallFrames::frame, &combined, toCombined);

    ServerPanel *panel = view.serverPanel();
    panel->setApiUrl(m_server.httpUrl().toString());
    panel->setApiKey(m_server.apiKey());
    panel->setChannel(channel);
    QSignalSpy replied(panel->client(), &ServerApiClient::finished);
    panel->publishFromServer();
    QVERIFY(replied.wait(15000));
    const ServerApiReply reply = replied.first().at(1).value<ServerApiReply>();
    QVERIFY2(reply.isOk(), qPrintable(reply.sentence()));

    TimelineModel *model = view.timelineModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        (model->flush(), rowOf(model, u"push_pub"_s) >= 0 && rowOf(model, u"api publish reply"_s) >= 0), 10000);
    const int call = rowOf(model, u"api publish"_s);
    const int answer = rowOf(model, u"api publish reply"_s);
    const int push = rowOf(model, u"push_pub"_s);
    QVERIFY(call >= 0);
    QVERIFY2(call < answer && call < push, qPrintable(u"call %1 reply %2 push %3"_s.arg(call).arg(answer).arg(push)));
    // Time order over the whole timeline.
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->index(row - 1, 0).data(TimelineModel::TimeRole).toLongLong() <=
                model->index(row, 0).data(TimelineModel::TimeRole).toLongLong());

    // The call: out, marked as a server call, the request body without the API key.
    const auto cell = [model](int row, int column, int role = Qt::DisplayRole) {
        return model->index(row, column).data(role);
    };
    QVERIFY(cell(call, 0, TimelineModel::ServerCallRole).toBool());
    QCOMPARE(cell(call, 0, TimelineModel::OriginRole).toInt(), int(Frame::Origin::ServerCall));
    QCOMPARE(cell(call, TimelineModel::DirectionColumn).toString(), u"\u2192 server API"_s);
    QCOMPARE(cell(call, TimelineModel::ChannelColumn).toString(), channel);
    const QByteArray sent = cell(call, 0, TimelineModel::RawRole).toByteArray();
    QCOMPARE(QJsonDocument::fromJson(sent).object().value(u"params"_s).toObject().value(u"channel"_s).toString(),
             channel);
    QVERIFY(!sent.contains(m_server.apiKey().toUtf8()));
    // The reply: in, with its round trip and the server's words; the same id as the call.
    QCOMPARE(cell(answer, 0, TimelineModel::OriginRole).toInt(), int(Frame::Origin::ServerReply));
    QCOMPARE(cell(answer, TimelineModel::DirectionColumn).toString(), u"\u2190 server API"_s);
    QCOMPARE(cell(answer, 0, TimelineModel::IdRole), cell(call, 0, TimelineModel::IdRole));
    QVERIFY(cell(answer, 0, TimelineModel::RttRole).isValid());
    QVERIFY2(cell(answer, 0, TimelineModel::DescriptionRole).toString().contains(reply.sentence()),
             qPrintable(cell(answer, 0, TimelineModel::DescriptionRole).toString()));
    QCOMPARE(cell(answer, 0, TimelineModel::RawRole).toByteArray(), reply.body);
    // The push the client got is the publication the server API made (same offset).
    const qint64 offset = reply.result.value(u"offset"_s).toInteger();
    QVERIFY(offset > 0);
    const QJsonObject pub = QJsonDocument::fromJson(cell(push, 0, TimelineModel::RawRole).toByteArray())
                                .object()
                                .value(u"push"_s)
                                .toObject()
                                .value(u"pub"_s)
                                .toObject();
    QCOMPARE(pub.value(u"offset"_s).toInteger(), offset);
    QCOMPARE(pub.value(u"data"_s).toObject().value(u"text"_s).toString(), u"from the server"_s);

    // In the combined timeline: the call and its reply at the times of the session's rows, the reply sharing the
    // publication's key with the push.
    QTRY_VERIFY_WITH_TIMEOUT((combined.flush(), combinedRowOf(combined, u"api publish reply"_s) >= 0 &&
                                                    combinedRowOf(combined, u"push_pub"_s) >= 0),
                             10000);
    const int combinedCall = combinedRowOf(combined, u"api publish"_s);
    const int combinedReply = combinedRowOf(combined, u"api publish reply"_s);
    QVERIFY(combinedCall >= 0 && combinedCall < combinedReply);
    const auto combinedCell = [&combined](int row, int role) { return combined.index(row, 0).data(role); };
    QVERIFY(combinedCell(combinedCall, CombinedTimelineModel::ServerCallRole).toBool());
    QCOMPARE(combined.entryAt(combinedCall).origin, CombinedTimelineModel::Origin::ServerCall);
    QCOMPARE(combined.entryAt(combinedReply).origin, CombinedTimelineModel::Origin::ServerReply);
    QCOMPARE(combinedCell(combinedCall, CombinedTimelineModel::ChannelRole).toString(), channel);
    QCOMPARE(combinedCell(combinedCall, CombinedTimelineModel::TimeRole).toLongLong(),
             cell(call, 0, TimelineModel::TimeRole).toLongLong());
    QCOMPARE(combinedCell(combinedReply, CombinedTimelineModel::TimeRole).toLongLong(),
             cell(answer, 0, TimelineModel::TimeRole).toLongLong());
    QCOMPARE(combinedCell(combinedCall, CombinedTimelineModel::RawRole).toByteArray(), sent);
    QCOMPARE(combinedCell(combinedReply, CombinedTimelineModel::RawRole).toByteArray(), reply.body);
    const QString key = CombinedTimelineModel::publicationKey(channel, quint64(offset));
    QCOMPARE(combinedCell(combinedReply, CombinedTimelineModel::PublicationKeyRole).toString(), key);
    QCOMPARE(combinedCell(combinedRowOf(combined, u"push_pub"_s), CombinedTimelineModel::PublicationKeyRole).toString(),
             key);
    QVERIFY2(combined.entryAt(combinedReply).summary.contains(reply.sentence()),
             qPrintable(combined.entryAt(combinedReply).summary));
    session.close();
}

void TestServerCallTimeline::failedCallIsARowToo()
{
    Session session;
    CommandHistory history;
    SessionView view(&session, nullptr, &history);
    ServerPanel *panel = view.serverPanel();
    panel->setApiUrl(m_server.httpUrl().toString());
    panel->setApiKey(u"not-the-key"_s);
    panel->setMethod(u"info"_s);
    panel->setBody(u"{}"_s);
    QSignalSpy replied(panel->client(), &ServerApiClient::finished);
    QVERIFY(panel->send());
    QVERIFY(replied.wait(15000));
    TimelineModel *model = view.timelineModel();
    QTRY_COMPARE_WITH_TIMEOUT((model->flush(), model->rowCount()), 2, 5000);
    QCOMPARE(model->index(1, TimelineModel::KindColumn).data().toString(), u"api info reply HTTP 401"_s);
    QVERIFY(model->index(1, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY2(model->index(1, 0).data(TimelineModel::DescriptionRole).toString().contains(u"API key"_s),
             qPrintable(model->index(1, 0).data(TimelineModel::DescriptionRole).toString()));
}

QTEST_MAIN(TestServerCallTimeline)
#include "tst_servercalltimeline_live.moc"
