// vmctl: the command-line client of vmd. Everything but process set-up is in
// cli.cc (parsing) and commands.cc / console.cc (the verbs).
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "client/vmctl/cli.h"

int main(int argc, char** argv) {
  // A closed pipe (`vmctl logs web | head`) ends output, not the process
  // with a signal.
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  vmd::vmctl::Io io;
  io.out = &std::cout;
  io.err = &std::cerr;
  io.in_fd = 0;
  return vmd::vmctl::RunVmctl(args, io, vmd::vmctl::MakeChannel);
}
