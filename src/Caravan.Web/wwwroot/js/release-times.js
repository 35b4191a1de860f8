// The release-time dashboard's charts (Apache ECharts, served from the platform). The figures come from the JSON the
// page embeds (the same figures as the API); the tables beside the charts carry the same numbers for screen readers.
(function () {
    'use strict';
    var data = JSON.parse(document.getElementById('rt-data').textContent || 'null');
    var labels = JSON.parse(document.getElementById('rt-labels').textContent || '{}');
    if (!data || !window.echarts || data.groups.length === 0) { return; }
    var hours = function (s) { return s == null ? null : Math.round(s / 36) / 100; };
    // A value in hours as "3 h 42 min" in the interface language's units, for the tooltips.
    var hoursAndMinutes = function (v) {
        if (v == null || isNaN(v)) { return '—'; }
        var m = Math.round(v * 60);
        return m < 60 ? m + ' ' + labels.unitMinutes : Math.floor(m / 60) + ' ' + labels.unitHours + ' ' + String(m % 60).padStart(2, '0') + ' ' + labels.unitMinutes;
    };
    var channelColours = { green: '#2e7d32', yellow: '#c99a06', red: '#c62828', unknown: '#757575' };
    var charts = [];
    var draw = function (id, option) {
        var element = document.getElementById(id);
        if (!element) { return; }
        var chart = echarts.init(element);
        chart.setOption(option);
        charts.push(chart);
    };
    // Median and 90th percentile as horizontal bars, one row per group.
    var medianAndP90 = function (groups, name) {
        return {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: hoursAndMinutes },
            legend: { data: [labels.median, labels.p90] },
            grid: { containLabel: true, left: 8, right: 24 },
            xAxis: { type: 'value', name: labels.hours, nameLocation: 'middle', nameGap: 28 },
            yAxis: { type: 'category', data: groups.map(name), inverse: true },
            series: [
                { name: labels.median, type: 'bar', data: groups.map(function (g) { return hours(g.median); }) },
                { name: labels.p90, type: 'bar', data: groups.map(function (g) { return hours(g.p90); }) }
            ]
        };
    };

    var groups = data.groups;
    draw('rt-chart-times', medianAndP90(groups, function (g) { return labels.keys[g.key] || g.key; }));

    var stageKeys = data.stages;
    draw('rt-chart-stages', {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: hoursAndMinutes },
        legend: { data: stageKeys.map(function (k) { return labels.stages[k] || k; }) },
        grid: { containLabel: true, left: 8, right: 16 },
        xAxis: { type: 'value', name: labels.hours, nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'category', data: groups.map(function (g) { return labels.keys[g.key] || g.key; }), inverse: true },
        series: stageKeys.map(function (k, i) {
            return {
                name: labels.stages[k] || k, type: 'bar', stack: 'stages',
                data: groups.map(function (g) { return hours(g.stages[i]); })
            };
        })
    });

    // One line per crossing: the median of each day or week.
    var periods = [];
    data.series.forEach(function (s) { s.points.forEach(function (p) { if (periods.indexOf(p.key) < 0) { periods.push(p.key); } }); });
    periods.sort();
    draw('rt-chart-series', {
        tooltip: { trigger: 'axis', valueFormatter: hoursAndMinutes },
        legend: { data: data.series.map(function (s) { return labels.crossings[s.crossing] || s.crossing; }) },
        grid: { containLabel: true, left: 8, right: 24 },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value', name: labels.median + ' (' + labels.hours + ')' },
        series: data.series.map(function (s) {
            var byPeriod = {};
            s.points.forEach(function (p) { byPeriod[p.key] = hours(p.median); });
            return {
                name: labels.crossings[s.crossing] || s.crossing, type: 'line', connectNulls: false, showSymbol: periods.length <= 60,
                data: periods.map(function (k) { return byPeriod[k] === undefined ? null : byPeriod[k]; })
            };
        })
    });

    draw('rt-chart-sides', medianAndP90(data.sides, function (g) { return labels.sides[g.key] || g.key; }));

    var channels = data.channels;
    draw('rt-chart-dist', {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { data: channels.map(function (c) { return labels.channels[c] || c; }) },
        grid: { containLabel: true, left: 8, right: 16 },
        xAxis: { type: 'category', data: labels.bins, axisLabel: { rotate: 30 } },
        yAxis: { type: 'value', name: labels.count },
        series: channels.map(function (c) {
            return {
                name: labels.channels[c] || c, type: 'bar', itemStyle: { color: channelColours[c] || channelColours.unknown },
                data: data.bins.map(function (b) { return b[channels.indexOf(c)]; })
            };
        })
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
}());
