// Sort the articles table by the clicked column (the cells' data-sort values); click again to reverse.
document.querySelectorAll("table.sortable th button[data-col]").forEach(function (button) {
  button.addEventListener("click", function () {
    var table = button.closest("table");
    var header = button.closest("th");
    var col = Number(button.dataset.col);
    var numeric = button.dataset.type === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
