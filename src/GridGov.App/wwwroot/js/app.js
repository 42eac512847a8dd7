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
      if (lon.value) return;
      lon.value = p.coords.longitude.toFixed(6);
      lat.value = p.coords.latitude.toFixed(6);
      var accuracy = document.querySelector('[data-geo=accuracy]');
      if (accuracy && p.coords.accuracy != null) accuracy.value = String(Math.round(p.coords.accuracy));
      document.dispatchEvent(new CustomEvent('gg-located'));
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
      visualMap: { show: !el.hasAttribute('data-pick'), min: min, max: max, left: 8, bottom: 8, calculable: false, text: [String(max), String(min)], inRange: { color: ['#fde8e8', '#b71c1c'] }, seriesIndex: 0 },
      geo: { map: name, nameProperty: 'code', roam: true, itemStyle: { borderColor: '#fff', borderWidth: 1, opacity: el.hasAttribute('data-tiles') ? 0.6 : 1 }, emphasis: { label: { show: false } } },
      series: [
        { type: 'map', geoIndex: 0, nameProperty: 'code', emphasis: { label: { show: false } }, data: m.shapes.map(function (s) { return { name: s.code, title: s.name, value: s.value, link: s.link }; }) },
        { type: 'scatter', coordinateSystem: 'geo', symbolSize: 8, itemStyle: { color: '#0b57d0' }, z: 3,
          data: m.points.map(function (p) { return { name: p.name, value: p.value, link: p.link, itemStyle: p.alert ? { color: '#e65100' } : undefined }; }) },
        { type: 'lines', coordinateSystem: 'geo', polyline: true, z: 4, silent: true, lineStyle: { color: '#0b57d0', width: 2 }, data: [] }
      ].concat(el.hasAttribute('data-tiles') ? [tileSeries(el.getAttribute('data-tiles'))] : [])
    };
  }

  // A base layer of XYZ tiles (Web Mercator) under the grids, where a tile server is configured.
  // Each tile is an image placed by its corners' longitude and latitude on the map's own projection.
  function tileLat(y, n) { var k = Math.PI - 2 * Math.PI * y / n; return 180 / Math.PI * Math.atan(0.5 * (Math.exp(k) - Math.exp(-k))); }

  function tileSeries(template) {
    return {
      type: 'custom', coordinateSystem: 'geo', silent: true, z: -1, data: [],
      renderItem: function (params, api) {
        var x = api.value(0), y = api.value(1), z = api.value(2), n = Math.pow(2, z);
        var a = api.coord([x / n * 360 - 180, tileLat(y, n)]), b = api.coord([(x + 1) / n * 360 - 180, tileLat(y + 1, n)]);
        var url = template.replace('{z}', z).replace('{x}', x).replace('{y}', y).replace('{s}', 'abc'.charAt((x + y) % 3));
        return { type: 'image', style: { image: url, x: a[0], y: a[1], width: b[0] - a[0], height: b[1] - a[1] } };
      }
    };
  }

  function tilesInView(chart, el) {
    var w = el.clientWidth, h = el.clientHeight;
    var p = chart.convertFromPixel({ geoIndex: 0 }, [0, 0]), q = chart.convertFromPixel({ geoIndex: 0 }, [w, h]);
    if (!p || !q || !w) return [];
    var west = Math.max(-180, Math.min(p[0], q[0])), east = Math.min(180, Math.max(p[0], q[0]));
    var north = Math.min(85, Math.max(p[1], q[1])), south = Math.max(-85, Math.min(p[1], q[1]));
    var max = parseInt(el.getAttribute('data-tiles-max') || '18', 10);
    var z = Math.max(1, Math.min(max, Math.round(Math.log(360 * w / ((east - west) * 256)) / Math.LN2)));
    var n = Math.pow(2, z);
    var tx = function (lon) { return Math.min(n - 1, Math.floor((lon + 180) / 360 * n)); };
    var ty = function (lat) { var r = lat * Math.PI / 180; return Math.min(n - 1, Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n)); };
    var tiles = [];
    for (var x = tx(west); x <= tx(east); x++)
      for (var y = ty(north); y <= ty(south) && tiles.length < 120; y++) tiles.push([x, y, z]);
    return tiles;
  }

  function tileUnder(chart, el) {
    var index = chart.getOption().series.length - 1;
    var pending = false;
    var refresh = function () {
      if (chart.isDisposed()) return;
      var series = [];
      for (var i = 0; i < index; i++) series.push({});
      series.push({ data: tilesInView(chart, el) });
      update(chart, { series: series });
      el.setAttribute('data-tiles-shown', String(series[index].data.length));
    };
    refresh();
    // A roam is still being laid out when it is announced: the tiles follow once it is done.
    chart.on('georoam', function () {
      if (pending) return;
      pending = true;
      window.setTimeout(function () { pending = false; refresh(); }, 0);
    });
  }

  // A map updated while its element is being resized can find its view not yet laid out and fail
  // inside ECharts; the same update is applied again a little later, once the layout has settled,
  // a few times, each after a longer wait; a failure after that is real.
  function update(chart, option, tries) {
    try { chart.setOption(option); }
    catch (e) {
      if ((tries || 0) >= 4) throw e;
      window.setTimeout(function () { if (!chart.isDisposed()) update(chart, option, (tries || 0) + 1); }, 60 * ((tries || 0) + 1));
    }
  }

  // Enhanced navigation may patch a drawn element back to the server's empty one: the old chart
  // and its resize watch are let go before the element is drawn again.
  var drawn = new WeakMap();

  function draw(echarts, el) {
    if (el.hasAttribute('data-drawn')) return;
    el.setAttribute('data-drawn', '');
    var before = drawn.get(el);
    if (before) { if (before.observer) before.observer.disconnect(); if (!before.chart.isDisposed()) before.chart.dispose(); }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    try {
      var option = el.hasAttribute('data-map') ? mapOption(echarts, el, JSON.parse(el.getAttribute('data-map'))) : JSON.parse(el.getAttribute('data-chart'));
      chart.setOption(option);
      if (el.hasAttribute('data-map') && el.hasAttribute('data-tiles')) tileUnder(chart, el);
      if (el.hasAttribute('data-pick')) pick(chart, el);
    } catch (e) {
      // Drawn while enhanced navigation was still patching the page, or before the page's layout
      // settled, the chart can fail to lay itself out: it is let go and drawn again a little later,
      // a few times, each after a longer wait; a failure after that is real.
      chart.dispose();
      el.removeAttribute('data-drawn');
      var tries = parseInt(el.getAttribute('data-redrawn') || '0', 10);
      if (tries >= 4) throw e;
      el.setAttribute('data-redrawn', String(tries + 1));
      window.setTimeout(function () { window.requestAnimationFrame(drawCharts); }, 60 * (tries + 1));
      return;
    }
    chart.on('click', function (p) { if (p.data && p.data.link) window.location.href = p.data.link; });
    // Enhanced navigation may swap the page away, or patch this element back to the server's empty
    // one: either way the chart is let go, not resized, and the element is drawn again if it stays.
    var observer = window.ResizeObserver ? new ResizeObserver(function () {
      if (el.isConnected && el.querySelector('canvas')) {
        // A chart whose element was patched under it cannot lay itself out again: it is let go too.
        try { chart.resize(); return; } catch (e) { }
      }
      observer.disconnect();
      if (!chart.isDisposed()) chart.dispose();
      if (el.isConnected) { el.removeAttribute('data-drawn'); drawCharts(); }
    }) : null;
    if (observer) observer.observe(el);
    drawn.set(el, { chart: chart, observer: observer });
  }

  // A map that picks: taps set the form's place (point) or add a boundary's corners (polygon).
  function pick(chart, el) {
    var form = el.closest('form') || document;
    var field = function (name) { return name ? form.querySelector('[name="' + name + '"]') : null; };
    var lon = form.querySelector('[data-geo=longitude]'), lat = form.querySelector('[data-geo=latitude]');
    var readout = el.parentNode.querySelector('[data-pick-readout]');
    var polygon = el.getAttribute('data-pick') === 'polygon';
    var corners = [];
    var round = function (v) { return Math.round(v * 1e6) / 1e6; };
    // Drawn after the tap is handled, never while ECharts is still laying the map out.
    function show(points, closed) {
      var marks = points.slice();
      window.setTimeout(function () {
        if (chart.isDisposed()) return;
        update(chart, { series: [{}, { data: marks.map(function (c) { return { value: c, name: '' }; }) },
          { data: marks.length > 1 ? [{ coords: closed ? marks.concat([marks[0]]) : marks }] : [] }] });
      }, 0);
    }
    function showCorners() {
      show(corners, corners.length > 2);
      var target = field(el.getAttribute('data-pick-target'));
      if (target) target.value = corners.length > 2 ? JSON.stringify({ type: 'Polygon', coordinates: [corners.concat([corners[0]])] }) : target.value;
      readout.textContent = el.getAttribute('data-corners-text').replace('{0}', corners.length);
    }
    function showPlace() {
      if (!lon || !lon.value) return;
      show([[parseFloat(lon.value), parseFloat(lat.value)]], false);
      readout.textContent = el.getAttribute('data-picked-text').replace('{0}', lon.value + ', ' + lat.value);
    }
    chart.getZr().on('click', function (e) {
      var c = chart.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]);
      if (!c || isNaN(c[0])) return;
      c = [round(c[0]), round(c[1])];
      if (polygon) { corners.push(c); showCorners(); return; }
      if (lon && lat) { lon.value = c[0].toFixed(6); lat.value = c[1].toFixed(6); }
      showPlace();
    });
    if (!polygon) {
      chart.on('click', function (p) { var grid = field(el.getAttribute('data-pick-grid')); if (grid && p.seriesType === 'map' && p.name) grid.value = p.name; });
      document.addEventListener('gg-located', showPlace);
      showPlace();
      return;
    }
    var controls = el.parentNode.querySelector('[data-pick-controls]');
    controls.hidden = false;
    controls.querySelector('[data-pick-undo]').onclick = function () { corners.pop(); showCorners(); };
    controls.querySelector('[data-pick-clear]').onclick = function () { corners = []; showCorners(); };
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
