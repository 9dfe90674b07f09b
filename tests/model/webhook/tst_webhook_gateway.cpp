// Istio's validation webhook for Gateways, case by case from Istio's validation_test.go.
#include "WebhookTable.h"

using namespace egret;
using namespace egret::webhooktest;

namespace {

const WebhookCase kCases[] = {
    {"one server", "Gateway",
     "  selector:\n    istio: egressgateway\n  servers:\n  - port: {number: 80, name: http, "
     "protocol: HTTP}\n    hosts: [\"*\"]\n",
     ""},
    {"no servers", "Gateway", "  selector:\n    istio: egressgateway\n",
     "error: a Gateway needs at least one server"},
    {"no spec", "Gateway", "", "error: a Gateway needs at least one server"},
};

} // namespace

class TestWebhookGateway : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cases_data() { addRows(kCases); }
    void cases() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expect);
        verifyRow(yaml, expect);
    }
};

QTEST_GUILESS_MAIN(TestWebhookGateway)
#include "tst_webhook_gateway.moc"
