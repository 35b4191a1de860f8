// The release-time dashboard's charts (Apache ECharts, served from the platform). The figures come from the JSON the
// page embeds (the same report as the API); the tables beside the charts carry the same numbers for screen readers.
(function () {
    'use strict';
    var data = JSON.parse(document.getElementById('rt-data').textContent || 'null');
    var labels = JSON.parse(document.getElementById('rt-labels').textContent || '{}');
    if (!data || !window.echarts || data.groups.length === 0) { return; }
    var hours = function (s) { return s == null ? null : Math.round(s / 36) / 100; };
    var names = data.groups.map(function (g) { return labels.keys[g.key] || g.key; });

    var times = echarts.init(document.getElementById('rt-chart-times'));
    times.setOption({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { data: [labels.median, labels.p90] },
        grid: { containLabel: true, left: 8, right: 24 },
        xAxis: { type: 'value', name: labels.hours, nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'category', data: names, inverse: true },
        series: [
            { name: labels.median, type: 'bar', data: data.groups.map(function (g) { return hours(g.total.medianSeconds); }) },
            { name: labels.p90, type: 'bar', data: data.groups.map(function (g) { return hours(g.total.p90Seconds); }) }
        ]
    });

    var stages = echarts.init(document.getElementById('rt-chart-stages'));
    var stageKeys = data.groups[0].stages.map(function (s) { return s.stage; });
    stages.setOption({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { data: stageKeys.map(function (k) { return labels.stages[k] || k; }) },
        grid: { containLabel: true, left: 8, right: 16 },
        xAxis: { type: 'value', name: labels.hours, nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'category', data: names, inverse: true },
        series: stageKeys.map(function (k, i) {
            return {
                name: labels.stages[k] || k, type: 'bar', stack: 'stages',
                data: data.groups.map(function (g) { return hours(g.stages[i].medianSeconds); })
            };
        })
    });
    window.addEventListener('resize', function () { times.resize(); stages.resize(); });
}());
