#pragma once
// One unit of work on a database: every change made until commit() is kept or dropped
// together. It rolls back in the destructor unless committed, so an exception anywhere in a
// multi-step change leaves the database as it was. Inside another unit it becomes a
// savepoint, so one edit can also be part of a larger import. The same on a file and on a
// server.
namespace fidelis {

class Database;

class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool nested_;
    bool done_ = false;
};

}  // namespace fidelis
