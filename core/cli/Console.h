#pragma once

#include <QTextStream>

namespace countersign::cli {

// stdout: results, for people or scripts. stderr: progress and errors.
inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace countersign::cli
