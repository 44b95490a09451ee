// What every backend shares: statements bind cleaned text, transactions nest as savepoints.
#include "database.h"

#include "base/utf8.h"

namespace fidelis {
namespace {

// Text is stored as valid UTF-8 without control characters (newline and tab excepted),
// so whatever a user pasted can always be exported as XML and drawn in a PDF.
bool needs_cleaning(std::string_view text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
    return !utf8::is_valid(text);
}

}  // namespace

Database::Database(std::unique_ptr<sql::Connection> connection, std::string label, bool read_only)
    : connection_(std::move(connection)), path_(std::move(label)), read_only_(read_only) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

void Database::forbid_writes() {
    connection_->forbid_writes();
    read_only_ = true;
}

Statement::Statement(Database& db, const char* sql) : cursor_(db.connection().prepare(sql)) {}

Statement& Statement::bind(int index, std::int64_t value) {
    cursor_->bind_int64(index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    cursor_->bind_double(index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (needs_cleaning(value)) cursor_->bind_text(index, utf8::sanitize(value));
    else cursor_->bind_text(index, value);
    return *this;
}

Statement& Statement::bind_null(int index) {
    cursor_->bind_null(index);
    return *this;
}

void Statement::run() {
    while (step()) {
    }
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return int64(column);
}

std::optional<double> Statement::optional_real(int column) const {
    if (is_null(column)) return std::nullopt;
    return real(column);
}

Transaction::Transaction(Database& db) : db_(db), nested_(db.in_transaction()) {
    // SQLite: IMMEDIATE takes the write lock now, so a unit of work never fails halfway for
    // want of it. PostgreSQL locks rows as they are written.
    db_.exec(nested_ ? "SAVEPOINT nested" : db.dialect() == Dialect::SQLite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (done_) return;
    db_.connection().exec_quietly(nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE nested" : "COMMIT");
    done_ = true;
}

}  // namespace fidelis
