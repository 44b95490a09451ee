#pragma once
// Runs a program as a child process and reports its wall time and peak resident memory
// (the kernel's figure for that process alone, from wait4), as the benchmarks measure
// every command: the way a user runs it, in a process of its own.
#include <chrono>
#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fidelis::bench {

struct ChildRun {
    double seconds = 0;
    double peak_mb = 0;
    int exit_code = -1;
    bool ok() const { return exit_code == 0; }
};

// `program` with `args`; its output goes to /dev/null unless `output` names a file.
inline ChildRun run_child(const std::string& program, const std::vector<std::string>& args,
                          const std::string& output = "/dev/null") {
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::fflush(stdout);  // or the child would print what is still buffered here
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!::freopen(output.c_str(), "w", stdout) || !::freopen("/dev/null", "w", stderr)) ::_exit(126);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    ChildRun r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.peak_mb = double(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace fidelis::bench
