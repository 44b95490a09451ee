#pragma once
// Runs a program as a user would and captures what it prints, for end-to-end tests
// of fidelis-cli.
#include <string>
#include <vector>

namespace fidelis::test {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `program` with `args` (no shell); `env` entries "NAME=value" are added.
RunResult run(const std::string& program, const std::vector<std::string>& args,
              const std::vector<std::string>& env = {});
RunResult cli(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// This process's environment and id, the same on POSIX and Windows.
void set_env(const std::string& name, const std::string& value);
void unset_env(const std::string& name);
long process_id();

}  // namespace fidelis::test
