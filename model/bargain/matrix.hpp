#pragma once
// A dense row-major matrix of doubles: just enough for the square tables of the spatial model
// of politics (utilities, coalition strengths, victory probabilities).
#include <cstddef>
#include <span>
#include <vector>

namespace vecinos::bargain {

class Matrix {
 public:
  Matrix() = default;
  Matrix(std::size_t rows, std::size_t cols, double fill = 0.0)
      : rows_(rows), cols_(cols), data_(rows * cols, fill) {}

  [[nodiscard]] std::size_t rows() const { return rows_; }
  [[nodiscard]] std::size_t cols() const { return cols_; }
  double& operator()(std::size_t i, std::size_t j) { return data_[i * cols_ + j]; }
  double operator()(std::size_t i, std::size_t j) const { return data_[i * cols_ + j]; }
  /// Row i as a contiguous span.
  std::span<double> row(std::size_t i) { return {data_.data() + i * cols_, cols_}; }
  [[nodiscard]] std::span<const double> row(std::size_t i) const {
    return {data_.data() + i * cols_, cols_};
  }

 private:
  std::size_t rows_ = 0, cols_ = 0;
  std::vector<double> data_;
};

}  // namespace vecinos::bargain
