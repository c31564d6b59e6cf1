#pragma once
// Reads a bargaining problem in KTAB's SMP CSV format (KTAB SMPModel::csvRead,
// examples/smp/libsrc/smpread.cpp):
//
//   line 1:  scenario name, description, number of actors, number of dimensions
//   line 2:  Actor, Description, Influence, then "position, salience" headers per dimension;
//            the position headers name the dimensions
//   then one row per actor: name, description, capability, then position and salience per
//   dimension, both on the 0..100 scale (saliences of an actor sum to at most 100).
//
// Fields may be double-quoted; spaces around fields and trailing commas are ignored, as are
// blank lines. Positions and saliences are divided by 100 for the model. Errors throw
// InputError as "file:line: what is wrong".
#include <filesystem>
#include <string>
#include <string_view>

#include "model/bargain/problem.hpp"

namespace vecinos::bargain {

/// Reads and checks a KTAB SMP CSV file.
Problem read_smp_csv(const std::filesystem::path& file);

/// The same from text; `name` stands in for the file name in messages.
Problem parse_smp_csv(std::string_view text, const std::string& name);

}  // namespace vecinos::bargain
