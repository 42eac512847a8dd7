// Fills a report's coordinates from the phone's location when the browser offers it; the report
// works without them.
(function () {
  var lon = document.querySelector('[data-geo=longitude]');
  var lat = document.querySelector('[data-geo=latitude]');
  if (!lon || !lat || lon.value || !navigator.geolocation) return;
  navigator.geolocation.getCurrentPosition(function (p) {
    lon.value = p.coords.longitude.toFixed(6);
    lat.value = p.coords.latitude.toFixed(6);
  }, function () { }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
})();
