// The labelled layouts of the types Countersign knows, and their fallback to the generic tree.

#include "RarTestSupport.h"

#include <QTest>

using namespace countersign;
using namespace rartest;

class RarKnownTypesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tradeWithLimitShowsLabelledFieldsAndSummary()
    {
        json entry = trade();
        entry["limit_price"] = 120;
        entry["currency"] = "USD";
        const rar::Section section = only(entry);
        QVERIFY(section.known);
        QCOMPARE(section.type, QStringLiteral("trade_authorization"));
        QCOMPARE(section.title, QStringLiteral("Stock trade"));
        QVERIFY(section.note.isEmpty());
        QCOMPARE(rows(section),
                 (QStringList{"Action: Buy", "Ticker: ACME", "Quantity: 3 shares", "Limit price: $120.00"}));
        QCOMPARE(section.summary, QStringLiteral("Buy 3 ACME at most $120.00"));
    }

    void tradeWithoutLimitIsAtMarketPrice()
    {
        json entry = trade();
        entry["action"] = "sell";
        entry["qty"] = 10;
        const rar::Section section = only(entry);
        QVERIFY(section.known);
        QCOMPARE(rows(section), (QStringList{"Action: Sell", "Ticker: ACME", "Quantity: 10 shares",
                                             "Limit price: No limit"}));
        QCOMPARE(section.summary, QStringLiteral("Sell 10 ACME at market price"));
    }

    void sellLimitIsTheLeastToAccept()
    {
        json entry = trade();
        entry["action"] = "sell";
        entry["limit_price"] = 99.95;
        entry["currency"] = "USD";
        QCOMPARE(only(entry).summary, QStringLiteral("Sell 3 ACME at least $99.95"));
    }

    void auth0ExampleWithNullOptionalFieldsIsAtMarketPrice()
    {
        // The shape the Auth0 AI SDK sends: [{ type: "trade_authorization", qty, ticker, action: "buy" }].
        json entry = trade();
        entry["limit_price"] = nullptr;
        entry["currency"] = nullptr;
        const rar::Section section = only(entry);
        QVERIFY(section.known);
        QCOMPARE(section.summary, QStringLiteral("Buy 3 ACME at market price"));
    }

    void tradeQuantityAndPriceFollowTheLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<int>("qty");
        QTest::addColumn<QString>("quantity");
        QTest::addColumn<QString>("summary");
        QTest::newRow("English, 1") << english() << 1 << "1 share"
                                    << "Buy 1 ACME at most €1,234.50";
        QTest::newRow("English, 1000") << english() << 1000 << "1,000 shares"
                                       << "Buy 1,000 ACME at most €1,234.50";
        QTest::newRow("German, 1000") << german() << 1000 << "1.000 shares"
                                      << "Buy 1.000 ACME at most 1.234,50\u00a0€";
    }

    void tradeQuantityAndPriceFollowTheLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(int, qty);
        QFETCH(QString, quantity);
        QFETCH(QString, summary);
        json entry = trade();
        entry["qty"] = qty;
        entry["limit_price"] = 1234.5;
        entry["currency"] = "EUR";
        const rar::Section section = only(entry, locale);
        QVERIFY(section.known);
        QCOMPARE(section.fields.at(2).value, quantity);
        QCOMPARE(section.summary, summary);
    }

    void tradeLimitWithoutCurrencyIsAPlainNumber()
    {
        json entry = trade();
        entry["limit_price"] = 120.5;
        const rar::Section section = only(entry);
        QCOMPARE(section.fields.at(3).value, QStringLiteral("120.5"));
        QCOMPARE(section.summary, QStringLiteral("Buy 3 ACME at most 120.5"));
    }

    void tradeCurrencyWithoutLimitIsStillShown()
    {
        json entry = trade();
        entry["currency"] = "USD";
        QCOMPARE(rows(only(entry)), (QStringList{"Action: Buy", "Ticker: ACME", "Quantity: 3 shares",
                                                 "Limit price: No limit", "Currency: USD"}));
    }

    void malformedTradeFallsBackToTheGenericTree_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("value"); // JSON text, or "<erase>"
        QTest::newRow("qty a string") << "qty"
                                      << "\"-3\"";
        QTest::newRow("qty negative") << "qty"
                                      << "-3";
        QTest::newRow("qty zero") << "qty"
                                  << "0";
        QTest::newRow("qty fractional") << "qty"
                                        << "2.5";
        QTest::newRow("qty written as a float") << "qty"
                                                << "3.0";
        QTest::newRow("qty absurd") << "qty"
                                    << "1000000001";
        QTest::newRow("qty beyond 64 bits") << "qty"
                                            << "1e30";
        QTest::newRow("qty missing") << "qty"
                                     << "<erase>";
        QTest::newRow("ticker missing") << "ticker"
                                        << "<erase>";
        QTest::newRow("ticker with a space") << "ticker"
                                             << "\"AC ME\"";
        QTest::newRow("ticker in Cyrillic look-alikes") << "ticker"
                                                        << "\"\\u0410\\u0421\\u041c\\u0415\"";
        QTest::newRow("ticker too long") << "ticker"
                                         << "\"ABCDEFGHIJKLM\"";
        QTest::newRow("action unknown") << "action"
                                        << "\"short\"";
        QTest::newRow("action capitalised") << "action"
                                            << "\"Buy\"";
        QTest::newRow("action missing") << "action"
                                        << "<erase>";
        QTest::newRow("limit_price a string") << "limit_price"
                                              << "\"120\"";
        QTest::newRow("limit_price zero") << "limit_price"
                                          << "0";
        QTest::newRow("limit_price negative") << "limit_price"
                                              << "-1";
        QTest::newRow("limit_price needing an exponent") << "limit_price"
                                                         << "1e25";
        QTest::newRow("currency lowercase") << "currency"
                                            << "\"usd\"";
        QTest::newRow("currency four letters") << "currency"
                                               << "\"EURO\"";
        QTest::newRow("currency a symbol") << "currency"
                                           << "\"$\"";
        QTest::newRow("currency numeric") << "currency"
                                          << "840";
        QTest::newRow("unexpected extra member") << "also_send_to"
                                                 << "\"attacker\"";
        QTest::newRow("common field of the wrong form") << "locations"
                                                        << "\"https://broker.example\"";
    }

    void malformedTradeFallsBackToTheGenericTree()
    {
        QFETCH(QString, member);
        QFETCH(QString, value);
        json entry = trade();
        if (value == u"<erase>")
            entry.erase(member.toStdString());
        else
            entry[member.toStdString()] = json::parse(value.toStdString());
        const rar::Section section = only(entry);
        QVERIFY(!section.known);
        QCOMPARE(section.type, QStringLiteral("trade_authorization"));
        QCOMPARE(section.title, QStringLiteral("Stock trade"));
        QCOMPARE(section.note,
                 QStringLiteral("These details do not have the form expected for this type, so they "
                                "are shown exactly as sent."));
        QVERIFY2(section.summary.startsWith(QStringLiteral("Stock trade (unexpected form) — ")),
                 qPrintable(section.summary));
        // Every member is there, under its own name (common fields: their label), as sent.
        QCOMPARE(section.fields.size(), qsizetype(entry.size() - 1));
        for (const rar::Field &field : section.fields) {
            const std::string key = field.label == u"Locations" ? "locations" : field.label.toStdString();
            QVERIFY2(entry.contains(key), qPrintable(field.label));
        }
    }

    void malformedTradeShowsTheRawValues()
    {
        json entry = trade();
        entry["qty"] = -3;
        const rar::Section section = only(entry);
        QCOMPARE(rows(section), (QStringList{"action: buy", "qty: -3", "ticker: ACME"}));
        QCOMPARE(section.summary,
                 QStringLiteral("Stock trade (unexpected form) — action: buy · qty: -3 · ticker: ACME"));
    }

    void extraMemberIsShownNextToTheOthers()
    {
        json entry = trade();
        entry["also_send_to"] = "attacker";
        QCOMPARE(rows(only(entry)),
                 (QStringList{"action: buy", "also_send_to: attacker", "qty: 3", "ticker: ACME"}));
    }

    void commonFieldsOnAKnownTypeFollowItsFields()
    {
        json entry = trade();
        entry["locations"] = {"https://broker.example/api"};
        entry["identifier"] = "account-7";
        entry["privileges"] = json::array();
        const rar::Section section = only(entry);
        QVERIFY(section.known);
        QCOMPARE(rows(section), (QStringList{"Action: Buy", "Ticker: ACME", "Quantity: 3 shares",
                                             "Limit price: No limit", "Locations: https://broker.example/api",
                                             "Identifier: account-7", "Privileges: (empty)"}));
    }

    void paymentShowsAmountCreditorMaskedAccountAndReference()
    {
        const rar::Section section = only(payment());
        QVERIFY(section.known);
        QCOMPARE(section.type, QStringLiteral("payment_initiation"));
        QCOMPARE(section.title, QStringLiteral("Payment"));
        QCOMPARE(rows(section),
                 (QStringList{"Amount: €1,234.50", "Creditor: Erika Mustermann",
                              "Creditor account: DE•• •••• •••• •••• ••30 00", "Reference: Invoice 42"}));
        QCOMPARE(section.summary, QStringLiteral("Pay €1,234.50 to Erika Mustermann"));
    }

    void paymentInGermanLocale()
    {
        const rar::Section section = only(payment(), german());
        QCOMPARE(section.fields.at(0).value, QStringLiteral("1.234,50\u00a0€"));
        QCOMPARE(section.summary, QStringLiteral("Pay 1.234,50\u00a0€ to Erika Mustermann"));
    }

    void paymentAmountIsShownExactly_data()
    {
        QTest::addColumn<QString>("amount"); // JSON text
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0.10") << "\"0.10\""
                              << "EUR" << english() << "€0.10";
        QTest::newRow("1234.5") << "\"1234.5\""
                                << "EUR" << english() << "€1,234.50";
        QTest::newRow("number 1234.5") << "1234.5"
                                       << "EUR" << english() << "€1,234.50";
        QTest::newRow("number 0.1") << "0.1"
                                    << "EUR" << english() << "€0.10";
        QTest::newRow("number 0.1 + 0.2") << "0.30000000000000004"
                                          << "EUR" << english() << "€0.30000000000000004";
        QTest::newRow("more decimals than cents") << "\"12.345\""
                                                  << "EUR" << english() << "€12.345";
        QTest::newRow("whole number") << "\"1000000\""
                                      << "EUR" << english() << "€1,000,000.00";
        QTest::newRow("beyond double precision") << "\"123456789012345.67\""
                                                 << "EUR" << english() << "€123,456,789,012,345.67";
        QTest::newRow("zero") << "\"0\""
                              << "EUR" << english() << "€0.00";
        QTest::newRow("own currency") << "\"5\""
                                      << "USD" << english() << "$5.00";
        QTest::newRow("dollar abroad") << "\"5\""
                                       << "USD" << german() << "5,00\u00a0US$";
        QTest::newRow("shared symbol becomes the code") << "\"10\""
                                                        << "GBP" << english() << "GBP\u00a010.00";
        QTest::newRow("no minor unit") << "\"1500\""
                                       << "JPY" << english() << "JPY\u00a01,500";
        QTest::newRow("three decimals") << "\"1.5\""
                                        << "KWD" << english() << "KWD\u00a01.500";
        QTest::newRow("unknown code") << "\"7\""
                                      << "XYZ" << english() << "XYZ\u00a07.00";
        QTest::newRow("German decimals") << "\"0.10\""
                                         << "EUR" << german() << "0,10\u00a0€";
    }

    void paymentAmountIsShownExactly()
    {
        QFETCH(QString, amount);
        QFETCH(QString, currency);
        QFETCH(QLocale, locale);
        QFETCH(QString, expected);
        json entry = payment();
        entry["instructedAmount"] = {{"amount", json::parse(amount.toStdString())},
                                     {"currency", currency.toStdString()}};
        const rar::Section section = only(entry, locale);
        QVERIFY(section.known);
        QCOMPARE(section.fields.at(0).value, expected);
    }

    // A payee known by name only (the account is optional): shown as a payment, with no account row.
    void paymentWithoutCreditorAccountIsKnown()
    {
        json entry = payment();
        entry.erase("creditorAccount");
        const rar::Section section = only(entry);
        QVERIFY(section.known);
        QVERIFY(!rows(section).join(u'\n').contains(QStringLiteral("Creditor account")));
        QVERIFY2(section.summary.contains(QStringLiteral("Erika Mustermann")), qPrintable(section.summary));
    }

    void malformedPaymentFallsBackToTheGenericTree_data()
    {
        QTest::addColumn<QString>("path");  // JSON pointer
        QTest::addColumn<QString>("value"); // JSON text, or "<erase>"
        for (const char *amount :
             {"\"1e3\"", "\"-5\"", "\"+5\"", "\"01.5\"", "\"1.\"", "\".5\"", "\" 5\"", "\"1,5\"", "\"NaN\"",
              "\"Infinity\"", "\"\"", "\"0x10\"", "-5", "1e300", "\"1234567890123456\"", "true", "null"})
            QTest::addRow("amount %s", amount) << "/instructedAmount/amount" << amount;
        for (const char *currency : {"\"eur\"", "\"EU\"", "\"€\"", "\"EUR \"", "978", "<erase>"})
            QTest::addRow("currency %s", currency) << "/instructedAmount/currency" << currency;
        QTest::newRow("amount with an extra member") << "/instructedAmount/note"
                                                     << "\"fee included\"";
        QTest::newRow("IBAN with a bad check digit") << "/creditorAccount/iban"
                                                     << "\"DE88370400440532013000\"";
        QTest::newRow("IBAN in lowercase") << "/creditorAccount/iban"
                                           << "\"de89370400440532013000\"";
        QTest::newRow("IBAN too short") << "/creditorAccount/iban"
                                        << "\"DE8937040044\"";
        QTest::newRow("IBAN missing") << "/creditorAccount/iban"
                                      << "<erase>";
        QTest::newRow("account number instead of IBAN") << "/creditorAccount/accountNumber"
                                                        << "\"12345678\"";
        QTest::newRow("BIC malformed") << "/creditorAccount/bic"
                                       << "\"ABC\"";
        QTest::newRow("creditor empty") << "/creditorName"
                                        << "\"\"";
        QTest::newRow("creditor only spaces") << "/creditorName"
                                              << "\"   \"";
        QTest::newRow("creditor a number") << "/creditorName"
                                           << "42";
        QTest::newRow("creditor account not an object") << "/creditorAccount"
                                                        << "\"DE89370400440532013000\"";
        QTest::newRow("reference an object") << "/remittanceInformation"
                                             << "{\"a\":1}";
        QTest::newRow("unexpected member") << "/debtorAccount"
                                           << "{\"iban\":\"DE89370400440532013000\"}";
    }

    void malformedPaymentFallsBackToTheGenericTree()
    {
        QFETCH(QString, path);
        QFETCH(QString, value);
        json entry = payment();
        const json::json_pointer pointer(path.toStdString());
        if (value == u"<erase>")
            entry[pointer.parent_pointer()].erase(pointer.back());
        else
            entry[pointer] = json::parse(value.toStdString());
        const rar::Section section = only(entry);
        QVERIFY(!section.known);
        QCOMPARE(section.title, QStringLiteral("Payment"));
        QVERIFY(!section.note.isEmpty());
        QVERIFY2(section.summary.startsWith(QStringLiteral("Payment (unexpected form) — ")),
                 qPrintable(section.summary));
        // The generic tree shows the account number in full: nothing pretends to be a checked IBAN.
        QVERIFY(rows(section).contains(QStringLiteral("creditorName: Erika Mustermann")) ||
                path == u"/creditorName");
        QVERIFY(!section.fields.isEmpty());
    }

    void ibanIsMaskedExceptCountryAndLastFour_data()
    {
        QTest::addColumn<QString>("iban");
        QTest::addColumn<QString>("masked");
        QTest::newRow("Germany") << "DE89370400440532013000"
                                 << "DE•• •••• •••• •••• ••30 00";
        QTest::newRow("written in groups") << "DE89 3704 0044 0532 0130 00"
                                           << "DE•• •••• •••• •••• ••30 00";
        QTest::newRow("United Kingdom") << "GB82WEST12345698765432"
                                        << "GB•• •••• •••• •••• ••54 32";
        QTest::newRow("Norway, shortest") << "NO9386011117947"
                                          << "NO•• •••• •••7 947";
        QTest::newRow("Malta, with letters") << "MT84MALT011000012345MTLCAST001S"
                                             << "MT•• •••• •••• •••• •••• •••• •••0 01S";
    }

    void ibanIsMaskedExceptCountryAndLastFour()
    {
        QFETCH(QString, iban);
        QFETCH(QString, masked);
        json entry = payment();
        entry["creditorAccount"]["iban"] = iban.toStdString();
        const rar::Section section = only(entry);
        QVERIFY(section.known);
        const rar::Field &account = section.fields.at(2);
        QCOMPARE(account.label, QStringLiteral("Creditor account"));
        QCOMPARE(account.value, masked);
        QCOMPARE(account.fullValue, masked); // "show all" does not unmask
        QVERIFY(!account.truncated);
    }

    void paymentFromRfc9396ShowsEveryField()
    {
        const json entry = {{"type", "payment_initiation"},
                            {"actions", {"initiate", "status", "cancel"}},
                            {"locations", {"https://example.com/payments"}},
                            {"instructedAmount", {{"currency", "EUR"}, {"amount", "123.50"}}},
                            {"creditorName", "Merchant A"},
                            {"creditorAccount", {{"bic", "ABCIDEBBXXX"}, {"iban", "DE02100100109307118603"}}},
                            {"remittanceInformationUnstructured", "Ref Number Merchant"}};
        const rar::Section section = only(entry);
        QVERIFY(section.known);
        QCOMPARE(rows(section),
                 (QStringList{"Amount: €123.50", "Creditor: Merchant A",
                              "Creditor account: DE•• •••• •••• •••• ••86 03",
                              "Creditor bank (BIC): ABCIDEBBXXX", "Reference: Ref Number Merchant",
                              "Actions: start the payment, check its status, cancel it",
                              "Locations: https://example.com/payments"}));
        QCOMPARE(section.summary, QStringLiteral("Pay €123.50 to Merchant A"));
    }

    void accountInformationFromRfc9396()
    {
        const json entry = {{"type", "account_information"},
                            {"actions", {"list_accounts", "read_balances", "read_transactions"}},
                            {"locations", {"https://example.com/accounts"}}};
        const rar::Section section = only(entry);
        QVERIFY(section.known);
        QCOMPARE(section.title, QStringLiteral("Account information"));
        QCOMPARE(rows(section),
                 (QStringList{"Actions: list your accounts, see your balances, see your transactions",
                              "Locations: https://example.com/accounts"}));
        QCOMPARE(section.summary,
                 QStringLiteral("Account information: list your accounts, see your balances, "
                                "see your transactions"));
    }

    void accountInformationShowsUnknownActionsAsSent()
    {
        const json entry = {{"type", "account_information"}, {"actions", {"list_accounts", "close_account"}}};
        QCOMPARE(rows(only(entry)), (QStringList{"Actions: list your accounts, close_account"}));
    }

    void accountInformationWithoutActionsFallsBack_data()
    {
        QTest::addColumn<QString>("actions"); // JSON text, or "<erase>"
        QTest::newRow("missing") << "<erase>";
        QTest::newRow("empty") << "[]";
        QTest::newRow("a string") << "\"read_balances\"";
        QTest::newRow("not strings") << "[1, 2]";
    }

    void accountInformationWithoutActionsFallsBack()
    {
        QFETCH(QString, actions);
        json entry = {{"type", "account_information"}, {"locations", {"https://example.com/accounts"}}};
        if (actions != u"<erase>")
            entry["actions"] = json::parse(actions.toStdString());
        const rar::Section section = only(entry);
        QVERIFY(!section.known);
        QCOMPARE(section.title, QStringLiteral("Account information"));
        QVERIFY(!section.note.isEmpty());
    }
};

QTEST_GUILESS_MAIN(RarKnownTypesTest)
#include "tst_rar_known.moc"
