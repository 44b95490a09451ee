#pragma once
// The county comparison's writer, shared by its two source files: report_county.cpp (the
// outline, summary and team table) and county_sections.cpp (the other sections, the
// national view's county rows and details, and the code key).
#include "report_common.h"

namespace fidelis::reports {

class CountyReport : public ReportWriter {
public:
    CountyReport(Store& s, CountyAnalysis analysis, const ReportOptions& o);
    void write(const std::string& path);
    // The coded edition's key, for the network leader alone.
    void write_key(const std::string& path);

private:
    bool national() const;
    std::string period() const;
    std::string place() const;
    std::string author() const override;
    std::string change_heading() const;
    std::string team_change(const TeamLine& tl) const;

    void summary();
    void bars();
    void team_table(const std::vector<TeamLine>& teams, bool with_group = true);
    std::vector<charts::HeatColumn> heat_columns() const;
    void heatmap();
    void item_summary();
    void change_summary();
    void common();
    void figures();
    void employment();
    void unmeasured();
    void county_rows();
    void county_details();
    void reading_guide();

    CountyAnalysis a;
};

}  // namespace fidelis::reports
