-- report_sections: every section of the five sample reports with its key,
-- heading as printed, the first characters of its body and its line.
SELECT s.id, r.ord, r.key, r.heading,
       regexp_replace(left(r.body, 24), E'[\\t\\n]+', '⏎', 'g') AS body_starts,
       length(r.body) AS body_chars, r.line
  FROM samples s, report_sections(s.body) r
 ORDER BY s.id, r.ord;

-- The body is the original text: it can be found verbatim in the report.
SELECT id, bool_and(strpos(body_of_report, body) > 0) AS bodies_verbatim
  FROM (SELECT id, s.body AS body_of_report, r.body FROM samples s, report_sections(s.body) r) x
 GROUP BY id ORDER BY id;

-- Each heading sits on the line report_sections says.
SELECT id, bool_and(split_part(b, E'\n', line) LIKE '%' || heading || '%') AS heading_on_its_line
  FROM (SELECT s.id, s.body AS b, r.* FROM samples s, report_sections(s.body) r WHERE ord > 0) x
 GROUP BY id ORDER BY id;

-- Traditional script: the same keys on the same lines.
SELECT s.id,
       (SELECT array_agg(key || '@' || line ORDER BY ord) FROM report_sections(s.body)) =
       (SELECT array_agg(key || '@' || line ORDER BY ord) FROM report_sections(s.hant)) AS same_keys_and_lines
  FROM samples s ORDER BY s.id;

-- Heading variants of spec §2.3: no numeral, 一.  and 一，, full-width
-- brackets, Art. 50 wording, 措施/情况, traditional script, markdown marks,
-- page marks between heading and body.
SELECT ord, key, heading, body, line FROM report_sections(E'某局政府信息公开工作年度报告\n总体情况\n正文一\n二.主动公开政府信息情况\n— 2 —\n表二\n三，收到和处理政府信息公开申请情况\n表三\n## 四、因政府信息公开工作被申请行政复议和提起行政诉讼情况\n表四\n五、存在問題及改進情況\n問題\n**六、其他需要报告的事项**\n无\n');

-- A table row that starts with a numeral is not a heading.
SELECT key, line FROM report_sections(E'一、总体情况\n甲\n二、主动公开政府信息情况\n乙\n三、收到和处理政府信息公开申请情况\n四、结转下年度继续办理\t0\n四、政府信息公开行政复议、行政诉讼情况\n丙\n');

-- Not a report: no rows.
SELECT count(*) FROM report_sections('hello');

-- Markdown whose tables are HTML (MinerU writes each in <html><body>): the
-- headings between the tables keep their own lines, and the table's cells
-- are read.
SELECT key, heading, line FROM report_sections(E'# 某县人民政府2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文。\n\n## 二、主动公开政府信息情况\n\n<html><body><table><tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr><tr><td>规章</td><td>1</td><td>0</td><td>7</td></tr></table></body></html>\n\n## 三、收到和处理政府信息公开申请情况\n\n无。\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n无。\n\n## 五、存在的主要问题及改进情况\n\n无。\n\n## 六、其他需要报告的事项\n\n无。\n');
SELECT report_cell(E'## 二、主动公开政府信息情况\n<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr><tr><td>规章</td><td>1</td><td>0</td><td>7</td></tr></table>\n## 三、收到和处理政府信息公开申请情况\n', 't2.rules.in_force') AS rules_in_force;
