// GridGov's page behaviour. Every page works without it; with it, the phone's location fills a
// report, and charts and maps are drawn by ECharts, which is loaded only on pages that have one.
// Blazor's enhanced navigation swaps pages without reloading, so the work runs again after each.
(function () {
  'use strict';
  var echartsUrl = document.currentScript.getAttribute('data-echarts');
  var loading = null;

  function loadEcharts() {
    if (window.echarts) return Promise.resolve(window.echarts);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = echartsUrl;
        s.onload = function () { resolve(window.echarts); };
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  function fillLocation() {
    var lon = document.querySelector('[data-geo=longitude]');
    var lat = document.querySelector('[data-geo=latitude]');
    if (!lon || !lat || lon.value || !navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition(function (p) {
      lon.value = p.coords.longitude.toFixed(6);
      lat.value = p.coords.latitude.toFixed(6);
    }, function () { }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  }

  function mapOption(echarts, el, m) {
    var name = 'gg-map-' + Math.random().toString(36).slice(2);
    echarts.registerMap(name, m.geo);
    var values = m.shapes.map(function (s) { return s.value; });
    var max = Math.max.apply(null, values.concat([1]));
    var min = Math.min.apply(null, values.concat([max]));
    if (min === max) min = 0;
    el.setAttribute('data-features', String(m.geo.features.length));
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          if (p.seriesType === 'scatter') return m.pointLabel + ' ' + p.data.name;
          return (p.data ? p.data.title : p.name) + '<br>' + m.valueLabel + ': ' + (p.value == null || isNaN(p.value) ? '–' : p.value);
        }
      },
      visualMap: { min: min, max: max, left: 8, bottom: 8, calculable: false, text: [String(max), String(min)], inRange: { color: ['#fde8e8', '#b71c1c'] }, seriesIndex: 0 },
      geo: { map: name, nameProperty: 'code', roam: true, itemStyle: { borderColor: '#fff', borderWidth: 1 }, emphasis: { label: { show: false } } },
      series: [
        { type: 'map', geoIndex: 0, nameProperty: 'code', data: m.shapes.map(function (s) { return { name: s.code, title: s.name, value: s.value, link: s.link }; }) },
        { type: 'scatter', coordinateSystem: 'geo', symbolSize: 8, itemStyle: { color: '#0b57d0' }, z: 3,
          data: m.points.map(function (p) { return { name: p.name, value: p.value, link: p.link, itemStyle: p.alert ? { color: '#e65100' } : undefined }; }) }
      ]
    };
  }

  function draw(echarts, el) {
    if (el.hasAttribute('data-drawn')) return;
    el.setAttribute('data-drawn', '');
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var option = el.hasAttribute('data-map') ? mapOption(echarts, el, JSON.parse(el.getAttribute('data-map'))) : JSON.parse(el.getAttribute('data-chart'));
    chart.setOption(option);
    chart.on('click', function (p) { if (p.data && p.data.link) window.location.href = p.data.link; });
    if (window.ResizeObserver) new ResizeObserver(function () { chart.resize(); }).observe(el);
  }

  function drawCharts() {
    var els = document.querySelectorAll('[data-chart]:not([data-drawn]), [data-map]:not([data-drawn])');
    if (!els.length) return;
    loadEcharts().then(function (echarts) { els.forEach(function (el) { draw(echarts, el); }); });
  }

  function printButtons() {
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.hidden = false;
      b.onclick = function () { window.print(); };
    });
  }

  function run() {
    printButtons();
    fillLocation();
    drawCharts();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run); else run();
  if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', run);
})();
