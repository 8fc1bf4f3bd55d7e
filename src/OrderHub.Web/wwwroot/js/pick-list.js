// Pick list page: a scanned (or typed) item code "PL-000001/3" finds its row, highlights it and puts the cursor in
// its picked-quantity field. A code of another list, or no such item, is said so. No inline script (CSP script-src 'self').
(function () {
    'use strict';
    var scan = document.getElementById('scan');
    if (!scan) {
        return;
    }

    var result = document.getElementById('scan-result');
    var number = scan.getAttribute('data-pick-list');

    function find(value) {
        var code = value.trim().toUpperCase();
        if (code === '') {
            return;
        }

        // A bare sequence ("3") is read as an item of this list.
        if (/^\d+$/.test(code)) {
            code = number + '/' + code;
        }

        var rows = document.querySelectorAll('tr[data-scan]');
        var found = null;
        rows.forEach(function (row) {
            row.classList.remove('scanned');
            if (row.getAttribute('data-scan') === code) {
                found = row;
            }
        });
        if (!found) {
            result.textContent = code.indexOf(number + '/') === 0 ? 'No item ' + code + ' on this list.' : code + ' is not an item of ' + number + '.';
            result.className = 'scan-result bad';
            return;
        }

        found.classList.add('scanned');
        found.scrollIntoView({ block: 'center' });
        var input = found.querySelector('input.picked');
        if (input) {
            input.focus();
            input.select();
        }

        result.textContent = 'Item ' + code + ': bin ' + found.querySelector('.bin').textContent + '.';
        result.className = 'scan-result ok';
        scan.value = '';
    }

    // Scanners type the code and press Enter; typing by hand works the same.
    scan.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') {
            e.preventDefault();
            find(scan.value);
        }
    });
    scan.addEventListener('change', function () {
        find(scan.value);
    });
    scan.focus();
}());
