#pragma once
// Option values the database commands of fidelis-cli share: ids, dates, numbers and the
// database itself, each refused with the option's name and what it takes.
#include "args.h"
#include "base/date.h"
#include "store/store.h"

#include <optional>
#include <string>

namespace fidelis::cli {

// parse_id and parse_int are in args.h.

Date parse_date(const std::string& text, const char* option);
std::optional<Date> optional_date(Args& args, const char* option);
// A decimal number; a Swedish "3,5" means 3.5.
double parse_number(const std::string& text, const char* option);
// Commands that only read open the database read-only, so they also work on a read-only
// medium and can never change it.
Store open_store(Args& args, bool read_only = false, const std::string& actor = {});

}  // namespace fidelis::cli
