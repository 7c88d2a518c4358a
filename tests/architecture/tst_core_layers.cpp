// Holds core/'s folders to the map in docs/architecture.md. Reads the #include lines of the source
// tree at run time (nothing is compiled for it): the folders of core/ must not include each other in
// a cycle, core must use nothing of QML or Qt Quick, qml/ nothing of app/, and the arrows between
// core's folders must be exactly the ones the map's "may use" column lists, so the map cannot drift;
// the README's layout section must name the same folders.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <functional>

namespace {

// One #include line, as written.
struct Include
{
    QString file; // relative to the source tree, e.g. "core/device/UserCode.h"
    int line = 0;
    QString target; // what the quotes or angle brackets hold
    bool angled = false;

    QString where() const { return QStringLiteral("%1:%2 includes %3").arg(file).arg(line).arg(target); }
};

// folder -> folder it includes -> the include lines that draw that arrow
using Graph = QMap<QString, QMap<QString, QList<Include>>>;

const QString kSource = QStringLiteral(COUNTERSIGN_SOURCE_DIR);

QStringList sourceFiles(const QString &top)
{
    QStringList files;
    QDirIterator it(kSource + u'/' + top, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(kSource).relativeFilePath(it.next());
    files.sort();
    return files;
}

QList<Include> includesOf(const QStringList &files)
{
    static const QRegularExpression kInclude(QStringLiteral(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"));
    QList<Include> includes;
    for (const QString &path : files) {
        QFile file(kSource + u'/' + path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            qFatal("cannot read %s", qPrintable(path));
        int line = 0;
        while (!file.atEnd()) {
            ++line;
            const auto match = kInclude.match(QString::fromUtf8(file.readLine()));
            if (match.hasMatch())
                includes.append({path, line, match.captured(2), match.captured(1) == u"<"});
        }
    }
    return includes;
}

// "core/device/UserCode.h" -> "device"
QString coreFolderOf(const QString &file)
{
    return file.section(u'/', 1, 1);
}

QStringList coreFolders()
{
    return QDir(kSource + QStringLiteral("/core")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

// Every cycle of folders, each once, starting at its alphabetically first folder.
QList<QStringList> cyclesOf(const Graph &graph)
{
    QList<QStringList> cycles;
    const QStringList folders = graph.keys();
    for (const QString &start : folders) {
        QStringList path{start};
        std::function<void(const QString &)> walk = [&](const QString &at) {
            for (const QString &next : graph.value(at).keys()) {
                if (next == start)
                    cycles.append(path + QStringList{start});
                else if (next > start && !path.contains(next)) {
                    path.append(next);
                    walk(next);
                    path.removeLast();
                }
            }
        };
        walk(start);
    }
    return cycles;
}

QString describe(const Graph &graph, const QStringList &cycle)
{
    QStringList lines{cycle.join(QStringLiteral(" -> "))};
    for (qsizetype i = 0; i + 1 < cycle.size(); ++i)
        lines << QStringLiteral("    %1 -> %2: %3")
                     .arg(cycle[i], cycle[i + 1], graph[cycle[i]][cycle[i + 1]].first().where());
    return lines.join(u'\n');
}

// The table of docs/architecture.md headed "| folder | ... | may use |": each row starts with a folder
// in backticks; the last cell names the folders it may include, each in backticks with a trailing
// slash (`net/`). Other backticked words in that cell are prose.
struct Map
{
    QMap<QString, QSet<QString>> mayUse;
    QString error;
};

Map readMap()
{
    Map map;
    QFile file(kSource + QStringLiteral("/docs/architecture.md"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        map.error = QStringLiteral("docs/architecture.md cannot be read");
        return map;
    }
    static const QRegularExpression kRow(QStringLiteral(R"(^\|\s*`([a-z0-9]+)/`\s*\|)"));
    static const QRegularExpression kFolder(QStringLiteral(R"(`([a-z0-9]+)/`)"));
    bool inTable = false;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (line.startsWith(QStringLiteral("| folder")) && line.contains(QStringLiteral("may use"))) {
            inTable = true;
            continue;
        }
        if (!inTable)
            continue;
        if (!line.startsWith(u'|'))
            break;
        const auto row = kRow.match(line);
        if (!row.hasMatch())
            continue; // the |---| line
        QSet<QString> &uses = map.mayUse[row.captured(1)];
        auto it = kFolder.globalMatch(line.section(u'|', -2, -2));
        while (it.hasNext())
            uses.insert(it.next().captured(1));
    }
    if (map.mayUse.isEmpty())
        map.error = QStringLiteral("docs/architecture.md has no table with a \"may use\" column");
    return map;
}

} // namespace

class CoreLayersTest : public QObject
{
    Q_OBJECT

    QList<Include> m_core;
    Graph m_graph;

private Q_SLOTS:
    void initTestCase()
    {
        m_core = includesOf(sourceFiles(QStringLiteral("core")));
        QVERIFY2(m_core.size() > 100, "core/ was not found or read");
        for (const QString &folder : coreFolders())
            m_graph[folder]; // a folder that includes no other still stands in the graph
        for (const Include &include : std::as_const(m_core)) {
            if (include.angled || !include.target.contains(u'/'))
                continue;
            const QString from = coreFolderOf(include.file);
            const QString to = include.target.section(u'/', 0, 0);
            if (from != to && QFileInfo::exists(kSource + QStringLiteral("/core/") + include.target))
                m_graph[from][to].append(include);
        }
    }

    // Quoted includes name a file of core/ ("folder/File.h", or "File.h" beside the includer), so
    // that the graph below misses no arrow.
    void everyQuotedIncludeOfCoreNamesAFileOfCore()
    {
        QStringList unknown;
        for (const Include &include : std::as_const(m_core)) {
            if (include.angled)
                continue;
            const QString path = include.target.contains(u'/')
                                     ? QStringLiteral("core/") + include.target
                                     : include.file.section(u'/', 0, -2) + u'/' + include.target;
            if (!QFileInfo::exists(kSource + u'/' + path))
                unknown << include.where();
        }
        QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(u'\n')));
    }

    void coreFoldersIncludeEachOtherInNoCycle()
    {
        QStringList found;
        for (const QStringList &cycle : cyclesOf(m_graph))
            found << describe(m_graph, cycle);
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("folders of core/ that include each other in a cycle:\n") +
                            found.join(u'\n')));
    }

    void coreIncludesNothingOfQmlOrQtQuick()
    {
        static const QRegularExpression kQml(
            QStringLiteral(R"(^(qml/|app/|QtQml|QtQuick|QQml|QQuick|QJS|qqml|qquick))"));
        QStringList found;
        for (const Include &include : std::as_const(m_core)) {
            if (kQml.match(include.target).hasMatch())
                found << include.where();
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void coreLinksNoQmlModule()
    {
        static const QRegularExpression kQml(QStringLiteral(R"(Qt6?::(Qml|Quick)|qt6?_add_qml_module)"));
        QStringList found;
        QDirIterator it(kSource + QStringLiteral("/core"), {QStringLiteral("CMakeLists.txt")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
            if (kQml.match(QString::fromUtf8(file.readAll())).hasMatch())
                found << QDir(kSource).relativeFilePath(file.fileName());
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    // app -> qml -> core: the QML module never reaches back into the executables.
    void qmlIncludesNothingOfApp()
    {
        QStringList found;
        for (const Include &include : includesOf(sourceFiles(QStringLiteral("qml")))) {
            if (!include.angled && include.target.startsWith(QStringLiteral("app/")))
                found << include.where();
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void theMapNamesEveryFolderOfCoreAndNoOther()
    {
        const Map map = readMap();
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        const auto folders = coreFolders();
        const QSet<QString> real(folders.begin(), folders.end());
        const auto mapped = map.mayUse.keys();
        const QSet<QString> inMap(mapped.begin(), mapped.end());
        QVERIFY2(real - inMap == QSet<QString>{},
                 qPrintable(QStringLiteral("not in docs/architecture.md: ") +
                            QStringList((real - inMap).values()).join(u' ')));
        QVERIFY2(inMap - real == QSet<QString>{},
                 qPrintable(QStringLiteral("in docs/architecture.md but not in core/: ") +
                            QStringList((inMap - real).values()).join(u' ')));
    }

    // The README's layout section names core's folders too (its `core/` row); it must not drift either.
    void theReadmeLayoutNamesEveryFolderOfCoreAndNoOther()
    {
        QFile file(kSource + QStringLiteral("/README.md"));
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString readme = QString::fromUtf8(file.readAll());
        const qsizetype layout = readme.indexOf(QStringLiteral("\n## Layout\n"));
        QVERIFY2(layout >= 0, "README.md has no \"## Layout\" section");
        const qsizetype row = readme.indexOf(QStringLiteral("\n| `core/` |"), layout);
        QVERIFY2(row >= 0, "README.md's layout has no `core/` row");
        const QString cells = readme.mid(row + 1, readme.indexOf(u'\n', row + 1) - row - 1);
        static const QRegularExpression kFolder(QStringLiteral(R"(`([a-z0-9]+)/`)"));
        QSet<QString> named;
        auto it = kFolder.globalMatch(cells.section(u'|', 2));
        while (it.hasNext())
            named.insert(it.next().captured(1));
        const auto folders = coreFolders();
        const QSet<QString> real(folders.begin(), folders.end());
        QVERIFY2(real - named == QSet<QString>{},
                 qPrintable(QStringLiteral("not in README.md's layout: ") +
                            QStringList((real - named).values()).join(u' ')));
        QVERIFY2(named - real == QSet<QString>{},
                 qPrintable(QStringLiteral("in README.md's layout but not in core/: ") +
                            QStringList((named - real).values()).join(u' ')));
    }

    void everyArrowBetweenFoldersIsOneTheMapAllows()
    {
        const Map map = readMap();
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        QStringList unlisted;
        for (auto from = m_graph.cbegin(); from != m_graph.cend(); ++from) {
            for (auto to = from->cbegin(); to != from->cend(); ++to) {
                if (!map.mayUse.value(from.key()).contains(to.key()))
                    unlisted
                        << QStringLiteral("%1 -> %2 (%3)").arg(from.key(), to.key(), to->first().where());
            }
        }
        QVERIFY2(unlisted.isEmpty(),
                 qPrintable(QStringLiteral("arrows the map does not allow:\n") + unlisted.join(u'\n')));
    }

    // An allowed arrow that no include draws is drift too: the map would promise a dependency
    // that is not there.
    void theMapListsNoArrowTheCodeLacks()
    {
        const Map map = readMap();
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        QStringList stale;
        for (auto from = map.mayUse.cbegin(); from != map.mayUse.cend(); ++from) {
            for (const QString &to : *from) {
                if (!m_graph.value(from.key()).contains(to))
                    stale << QStringLiteral("%1 -> %2").arg(from.key(), to);
            }
        }
        stale.sort();
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("arrows in the map that no include draws:\n") +
                                             stale.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(CoreLayersTest)
#include "tst_core_layers.moc"
