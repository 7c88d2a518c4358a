#pragma once

#include "approvals/ApprovalChannel.h"
#include "approvals/DeviceRequest.h"
#include "request/RequestDetails.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QJSEngine;
class QQmlEngine;

namespace countersign::gui {

// The `Devices` singleton the "Enter a code" page binds to: reads a device flow code the way a
// person types or pastes it, looks it up through the provider's device approver API (the
// approval channel's), shows who asks for what as plain text, and sends the decision. A provider
// without that API gets the code's link opened in the browser instead, and the page says so.
class DeviceViewModel : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Devices)
    QML_SINGLETON
    // True while a lookup or a decision is on its way.
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    // The code looked up last (found is false when none).
    Q_PROPERTY(countersign::gui::RequestDetails *request READ request NOTIFY changed)
    // Why the last lookup or decision failed, in words; empty otherwise.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)
    // What the last decision did, or where the code went (the browser), in words; empty otherwise.
    Q_PROPERTY(QString outcome READ outcome NOTIFY changed)
    // A code (or link) handed to the app from outside (the command line), for the page to take.
    Q_PROPERTY(QString requestedInput READ requestedInput NOTIFY requestedInputChanged)

public:
    using BrowserOpener = std::function<bool(const QUrl &)>;

    DeviceViewModel(approvals::ApprovalChannel *channel, BrowserOpener openBrowser,
                    QObject *parent = nullptr);

    static void setInstance(DeviceViewModel *instance);
    static DeviceViewModel *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    bool busy() const { return m_busy; }
    RequestDetails *request() const { return m_details; }
    QString errorMessage() const { return m_errorMessage; }
    QString outcome() const { return m_outcome; }
    QString requestedInput() const { return m_requestedInput; }

    // Looks up `input`: a code in any form, or the device's verification link.
    Q_INVOKABLE void lookup(const QString &input);
    Q_INVOKABLE void approve();
    Q_INVOKABLE void deny();
    // Forgets the code looked up (and any message).
    Q_INVOKABLE void clear();

    // Hands a code or link over from outside (the command line): the code page opens with it.
    Q_INVOKABLE void openLink(const QString &input);
    // The page took the requested input.
    Q_INVOKABLE void takeRequestedInput();

Q_SIGNALS:
    void changed();
    void requestedInputChanged();

private:
    void decide(approvals::Decision decision);
    void finish(const QString &errorMessage, const QString &outcome = {});
    // Replaces m_details with what m_request holds now.
    void updateDetails();

    static inline QPointer<DeviceViewModel> s_instance;

    approvals::ApprovalChannel *m_channel;
    BrowserOpener m_openBrowser;
    bool m_busy = false;
    QString m_code; // normalised, as sent to the API
    std::optional<approvals::DeviceRequest> m_request;
    RequestDetails *m_details = nullptr; // a child; replaced, never changed
    QString m_errorMessage;
    QString m_outcome;
    QString m_requestedInput;
    quint64 m_generation = 0; // answers for a code looked up before the current one are dropped
};

} // namespace countersign::gui
